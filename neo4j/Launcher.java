import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Embedded Neo4j Community for Archipel's development runs and tests.
 *
 * Usage: java -cp CLASSPATH Launcher HOME_DIR BOLT_PORT [PAGE_CACHE [TX_TIMEOUT_SECONDS]]
 *
 * Bolt listens on 127.0.0.1 only, with authentication off: it is a local development
 * database, never exposed. Prints one line "ARCHIPEL_NEO4J_READY bolt://127.0.0.1:PORT" when
 * Bolt accepts connections. Shuts down cleanly on SIGTERM/SIGINT, and also when its standard
 * input reaches end of file: the parent (Node) holds the other end of that pipe, so when the
 * parent dies for any reason, even kill -9, the pipe closes and the JVM exits by itself instead
 * of living on as an orphan that holds the store lock.
 */
public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher HOME_DIR BOLT_PORT [PAGE_CACHE like 256m [TX_TIMEOUT_SECONDS]]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCache = parseBytes(args.length > 2 ? args[2] : "256m");
        long txTimeoutSeconds = args.length > 3 ? Long.parseLong(args[3]) : 5;

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
            .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds))
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 16L * 1024 * 1024)
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
            // Bolt waits 5 s per connector for connections to close on shutdown (10 s in all, the
            // bulk of a stop). Clients are gone by then: the parent stops its driver first, or died.
            .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
            .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
            .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            // A development database on a machine that may be offline: no usage reporting.
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            .build();

        AtomicBoolean stopped = new AtomicBoolean(false);
        CountDownLatch done = new CountDownLatch(1);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    dbms.shutdown();
                } catch (Throwable t) {
                    System.err.println("neo4j shutdown failed: " + t);
                } finally {
                    done.countDown();
                }
            }
        };
        // SIGTERM and SIGINT run shutdown hooks; the hook waits for a clean shutdown.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            try { done.await(); } catch (InterruptedException ignored) { }
        }, "archipel-neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // Wait until the default database is available before announcing readiness.
        while (!db.isAvailable(1000)) { /* keep waiting */ }

        System.out.println("ARCHIPEL_NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();

        // Parent watch: stdin EOF means the parent is gone (or asked us to stop).
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buf = new byte[64];
            try {
                while (in.read(buf) >= 0) { /* ignore input */ }
            } catch (Exception ignored) { }
            System.exit(0); // runs the shutdown hook
        }, "archipel-parent-watch");
        watcher.setDaemon(true);
        watcher.start();

        done.await();
    }

    private static long parseBytes(String s) {
        String v = s.trim().toLowerCase();
        long mult = 1;
        if (v.endsWith("k")) { mult = 1024L; v = v.substring(0, v.length() - 1); }
        else if (v.endsWith("m")) { mult = 1024L * 1024; v = v.substring(0, v.length() - 1); }
        else if (v.endsWith("g")) { mult = 1024L * 1024 * 1024; v = v.substring(0, v.length() - 1); }
        return Long.parseLong(v) * mult;
    }
}
