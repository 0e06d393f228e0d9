/// Every field of the catalog rows the PostgreSQL inspector reads, and what becomes of it:
/// `model` (mapped into the neutral model), `verified` (not in the model, but compared through
/// the engine's own definitions before commit, so a difference fails closed), or `ignored` with
/// the reason. A test lists the server's catalog columns and fails on any field missing here.
public enum PostgreSQLCatalogCoverage {
    public static let fields: [String: [String: String]] = [
        "pg_class": [
            "oid": "ignored: identity of the row", "relname": "model: table/view/index name",
            "relnamespace": "model: the managed schema", "reltype": "ignored: row type created with the table",
            "reloftype": "verified: typed tables (OF type) show in the table definition kind",
            "relowner": "ignored: ownership is not schema shape", "relam": "verified: table access method",
            "relfilenode": "ignored: storage", "reltablespace": "verified: tablespace", "relpages": "ignored: statistics",
            "reltuples": "ignored: statistics", "relallvisible": "ignored: statistics", "reltoastrelid": "ignored: storage",
            "relhasindex": "ignored: derived", "relisshared": "ignored: system catalogs only",
            "relpersistence": "verified: UNLOGGED / TEMPORARY", "relkind": "model: table, partitioned table, view; others unmanaged",
            "relnatts": "ignored: derived", "relchecks": "ignored: derived", "relhasrules": "ignored: rules are reported unmanaged",
            "relhastriggers": "ignored: triggers are reported unmanaged", "relhassubclass": "ignored: derived",
            "relrowsecurity": "ignored: goes with policies, which are reported unmanaged",
            "relforcerowsecurity": "ignored: goes with policies, which are reported unmanaged",
            "relispopulated": "ignored: materialized views are unmanaged", "relreplident": "verified: replica identity",
            "relispartition": "model: partitions are reported unmanaged", "relrewrite": "ignored: transient",
            "relfrozenxid": "ignored: storage", "relminmxid": "ignored: storage", "relacl": "ignored: privileges are not schema shape",
            "reloptions": "verified: storage parameters and view options", "relpartbound": "ignored: partitions are unmanaged",
        ],
        "pg_attribute": [
            "attrelid": "model: the column's table", "attname": "model: column name", "atttypid": "model: type (format_type)",
            "attstattarget": "ignored: statistics target", "attlen": "ignored: derived from the type", "attnum": "model: column order (not compared)",
            "attndims": "ignored: not enforced by PostgreSQL", "attcacheoff": "ignored: in-memory only", "atttypmod": "model: type modifiers (format_type)",
            "attbyval": "ignored: derived from the type", "attalign": "ignored: derived from the type", "attstorage": "verified: STORAGE when not the type's default",
            "attcompression": "verified: COMPRESSION", "attnotnull": "model: nullability", "atthasdef": "ignored: derived",
            "atthasmissing": "ignored: storage", "attidentity": "model: identity", "attgenerated": "model: generated column",
            "attisdropped": "ignored: dropped columns are skipped", "attislocal": "verified: inherited columns", "attinhcount": "verified: inherited columns",
            "attcollation": "verified: COLLATE when not the type's default", "attacl": "ignored: privileges are not schema shape",
            "attoptions": "verified: n_distinct and n_distinct_inherited; other entries (some builds keep internal ones there) ignored", "attfdwoptions": "ignored: foreign tables are unmanaged",
            "attmissingval": "ignored: storage",
        ],
        "pg_index": [
            "indexrelid": "model: index", "indrelid": "model: table", "indnatts": "verified: INCLUDE columns (pg_get_indexdef)",
            "indnkeyatts": "model: key columns", "indisunique": "model: unique", "indnullsnotdistinct": "verified: NULLS NOT DISTINCT",
            "indisprimary": "model: primary key", "indisexclusion": "verified: exclusion constraints (pg_get_constraintdef)",
            "indimmediate": "verified: DEFERRABLE (pg_get_constraintdef)", "indisclustered": "verified: CLUSTER ON",
            "indisvalid": "verified: an invalid index never matches", "indcheckxmin": "ignored: transient", "indisready": "ignored: transient",
            "indislive": "ignored: transient", "indisreplident": "verified: replica identity index", "indkey": "model: key columns",
            "indcollation": "verified: per-column collation (pg_get_indexdef)", "indclass": "verified: operator classes (pg_get_indexdef)",
            "indoption": "model: DESC; verified: NULLS FIRST/LAST", "indexprs": "model: expression key parts", "indpred": "model: partial index predicate",
        ],
        "pg_constraint": [
            "oid": "ignored: identity of the row", "conname": "model: constraint name", "connamespace": "model: the managed schema",
            "contype": "model: p/u/f/c; verified: x (exclusion)", "condeferrable": "model: DEFERRABLE", "condeferred": "model: INITIALLY DEFERRED",
            "convalidated": "verified: NOT VALID", "conrelid": "model: table", "contypid": "ignored: domain constraints (domains are unmanaged)",
            "conindid": "ignored: the backing index is compared as an index", "conparentid": "ignored: partitions are unmanaged",
            "confrelid": "model: referenced table", "confupdtype": "model: ON UPDATE", "confdeltype": "model: ON DELETE",
            "confmatchtype": "verified: MATCH FULL", "conislocal": "verified: inherited constraints", "coninhcount": "verified: inherited constraints",
            "connoinherit": "verified: NO INHERIT", "conkey": "model: columns", "confkey": "model: referenced columns",
            "conpfeqop": "ignored: derived from the types", "conppeqop": "ignored: derived from the types", "conffeqop": "ignored: derived from the types",
            "confdelsetcols": "verified: ON DELETE SET NULL (cols)", "conexclop": "verified: exclusion operators", "conbin": "model: check expression",
            "conperiod": "verified: WITHOUT OVERLAPS (PostgreSQL 18)", "conenforced": "verified: NOT ENFORCED (PostgreSQL 18)",
        ],
        "pg_sequence": [
            "seqrelid": "verified: owned sequence", "seqtypid": "verified: AS type", "seqstart": "verified: START",
            "seqincrement": "verified: INCREMENT", "seqmax": "verified: MAXVALUE", "seqmin": "verified: MINVALUE",
            "seqcache": "verified: CACHE", "seqcycle": "verified: CYCLE",
        ],
        "pg_attrdef": [
            "oid": "ignored: identity of the row", "adrelid": "model: table", "adnum": "model: column", "adbin": "model: default / generation expression",
        ],
    ]
}
