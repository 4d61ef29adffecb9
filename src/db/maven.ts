import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Which Maven resolves the embedded Neo4j's classpath.
 *
 * Maven 3.8 (Debian's) reads the ~350 POMs of org.neo4j:neo4j one after the other: on a link with
 * ~90 ms per request that is 60–90 s. Maven 3.9's breadth-first collector reads them in parallel
 * (same classpath, ~15 s). So when the `mvn` on PATH is older than 3.9, the system Maven fetches a
 * pinned Apache Maven distribution from the same repositories (mirrors in settings.xml apply), and
 * that one resolves the classpath. If anything in that bootstrap fails, the system Maven is used.
 */
export const BOOTSTRAP_MAVEN_VERSION = '3.9.12';

/** Flags that make Maven ≥ 3.9 collect the dependency tree in parallel; older Mavens ignore them. */
export const PARALLEL_RESOLUTION_FLAGS = [
  '-Daether.dependencyCollector.impl=bf',
  '-Daether.dependencyCollector.bf.threads=16',
  '-Dmaven.artifact.threads=16',
];

/** `[3, 8, 7]` from the output of `mvn -v`, or undefined. */
export function parseMavenVersion(output: string): [number, number, number] | undefined {
  // `mvn -v` may colour its first line: "\u001b[1mApache Maven 3.8.7\u001b[m".
  const m = /Apache Maven (\d+)\.(\d+)\.(\d+)/.exec(output);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function collectsInParallel(version: [number, number, number] | undefined): boolean {
  return version !== undefined && (version[0] > 3 || (version[0] === 3 && version[1] >= 9));
}

/**
 * The local repository Maven uses: `<localRepository>` of ~/.m2/settings.xml (with `${user.home}`
 * expanded) when set, else ~/.m2/repository.
 */
export function localRepository(home = os.homedir(), settingsXml?: string): string {
  const settings = settingsXml ?? readIfExists(path.join(home, '.m2', 'settings.xml'));
  const m = settings ? /<localRepository>\s*([^<]+?)\s*<\/localRepository>/.exec(settings.replace(/<!--[\s\S]*?-->/g, '')) : null;
  if (m) return path.resolve(m[1].replace(/\$\{user\.home\}/g, home).replace(/^~(?=\/|$)/, home));
  return path.join(home, '.m2', 'repository');
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A POM that makes Maven 3.8 download one artifact cheaply: an extra dependency of a plugin is
 * resolved when the plugin loads, and maven-clean-plugin 3.x loads with ~15 small files, whereas
 * `dependency:get` first fetches ~200 POMs of its own, one by one. `mvn clean` on it deletes nothing
 * (there is no target/ next to it).
 */
export function bootstrapPom(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by Archipel (src/db/maven.ts): fetches Apache Maven ${version} into the local repository. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.archipel</groupId>
  <artifactId>archipel-maven-bootstrap</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-clean-plugin</artifactId>
        <version>3.4.0</version>
        <dependencies>
          <dependency>
            <groupId>org.apache.maven</groupId>
            <artifactId>apache-maven</artifactId>
            <version>${version}</version>
            <classifier>bin</classifier>
            <type>tar.gz</type>
            <exclusions>
              <exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion>
            </exclusions>
          </dependency>
        </dependencies>
      </plugin>
    </plugins>
  </build>
</project>
`;
}

export interface MavenChoice {
  /** The executable to run. */
  command: string;
  /** What to say in progress lines, e.g. "Maven 3.9.12". */
  label: string;
  /** Set when the faster Maven could not be had: why (the caller logs it and goes on). */
  fallbackReason?: string;
}

async function systemMavenVersion(): Promise<[number, number, number] | undefined> {
  try {
    const { stdout, stderr } = await run('mvn', ['-v'], { timeout: 60_000 });
    return parseMavenVersion(`${stdout}\n${stderr}`);
  } catch {
    return undefined;
  }
}

/**
 * The Maven to resolve with: the system one when it is ≥ 3.9, else the pinned distribution under
 * `cacheDir` (fetched and unpacked on first use), else the system one with the reason why not.
 */
export async function chooseMaven(cacheDir: string, onProgress?: (m: string) => void): Promise<MavenChoice> {
  const system = await systemMavenVersion();
  const systemLabel = `Maven ${system ? system.join('.') : '(unknown version)'}`;
  if (collectsInParallel(system)) return { command: 'mvn', label: systemLabel };

  const version = BOOTSTRAP_MAVEN_VERSION;
  const home = path.join(cacheDir, `apache-maven-${version}`);
  const command = path.join(home, 'bin', 'mvn');
  if (existsSync(command)) return { command, label: `Maven ${version}` };

  try {
    onProgress?.(`fetching Apache Maven ${version} with ${systemLabel} (it resolves dependencies in parallel)…`);
    const workDir = path.join(cacheDir, 'maven-bootstrap');
    mkdirSync(workDir, { recursive: true });
    writeFileSync(path.join(workDir, 'pom.xml'), bootstrapPom(version));
    const repo = localRepository();
    await run('mvn', ['-q', '-B', `-Dmaven.repo.local=${repo}`, '-f', path.join(workDir, 'pom.xml'), 'clean'], {
      timeout: 5 * 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const tarball = path.join(repo, 'org', 'apache', 'maven', 'apache-maven', version, `apache-maven-${version}-bin.tar.gz`);
    // Unpack beside the final place, then rename: a half-unpacked Maven is never taken for a whole one.
    const staging = path.join(cacheDir, `.apache-maven-${version}-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    await run('tar', ['-xzf', tarball, '-C', staging], { timeout: 2 * 60_000 });
    if (!existsSync(command)) renameSync(path.join(staging, `apache-maven-${version}`), home);
    rmSync(staging, { recursive: true, force: true });
    return { command, label: `Maven ${version}` };
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    const detail = (e.stderr ?? '').trim().split('\n').slice(-2).join(' | ') || e.message;
    return { command: 'mvn', label: systemLabel, fallbackReason: `could not fetch Apache Maven ${version} (${detail.slice(0, 300)})` };
  }
}
