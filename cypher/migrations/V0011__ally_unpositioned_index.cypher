// The range index of `unpositioned` (V0010): the map export's count of allies without a position
// seeks it (src/http/export/geo-export.ts).
CREATE RANGE INDEX ally_unpositioned IF NOT EXISTS FOR (n:Ally) ON (n.unpositioned);
