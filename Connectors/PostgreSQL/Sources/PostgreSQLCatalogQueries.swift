/// The catalog queries the inspector runs: one per object kind, each for the whole schema.
enum PostgreSQLCatalogQueries {
    /// Ordinary and partitioned tables (not partitions) with their comments, persistence,
    /// storage parameters, partition key, parents, and row security flags.
    static func tables(_ schema: String) -> String {
        """
        SELECT c.oid::text, c.relname, pg_catalog.obj_description(c.oid, 'pg_class'),
               c.relpersistence, pg_catalog.array_to_json(c.reloptions)::text,
               CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
               (SELECT pg_catalog.string_agg(CASE WHEN p.relnamespace = c.relnamespace THEN '' ELSE pg_catalog.quote_ident(pn.nspname) || '.' END
                                              || pg_catalog.quote_ident(p.relname), ', ' ORDER BY i.inhseqno)
                  FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
                  JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid),
               c.relrowsecurity, c.relforcerowsecurity
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = \(schema) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        ORDER BY c.relname
        """
    }

    /// Every column of those tables: type as format_type prints it, default, identity,
    /// generation, comment, and the sequence a serial or identity column owns, as a JSON array:
    /// [qualified name, start, increment, min, max, cache, cycle, type, dependency type, bare name];
    /// then the column's collation when it is not its type's default. Joins, not a subquery
    /// per column (`col_description` alone is a SQL function call per row).
    static func columns(_ schema: String) -> String {
        """
        SELECT a.attrelid::text, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_catalog.pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
               ds.description, owned.sequence,
               CASE WHEN a.attcollation <> t.typcollation THEN coll.collname END
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid
               AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ds.objsubid = a.attnum
        LEFT JOIN (SELECT DISTINCT ON (dep.refobjid, dep.refobjsubid) dep.refobjid, dep.refobjsubid,
                          pg_catalog.json_build_array(
                              pg_catalog.quote_ident(sn.nspname) || '.' || pg_catalog.quote_ident(s.relname),
                              sq.seqstart::text, sq.seqincrement::text, sq.seqmin::text, sq.seqmax::text, sq.seqcache::text,
                              sq.seqcycle, pg_catalog.format_type(sq.seqtypid, NULL), dep.deptype,
                              pg_catalog.quote_ident(s.relname))::text AS sequence
                     FROM pg_catalog.pg_depend dep
                     JOIN pg_catalog.pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
                     JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace
                     JOIN pg_catalog.pg_sequence sq ON sq.seqrelid = s.oid
                    WHERE dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                      AND dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.deptype IN ('a', 'i')
                    ORDER BY dep.refobjid, dep.refobjsubid, dep.deptype, s.oid) owned
               ON owned.refobjid = a.attrelid AND owned.refobjsubid = a.attnum
        WHERE n.nspname = \(schema) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attrelid, a.attnum
        """
    }

    /// Primary key, unique, check, foreign key and exclusion constraints, with column names as JSON
    /// arrays; then NULLS NOT DISTINCT of a key's index, whether the constraint is validated, NO INHERIT,
    /// the match type, and the definition of what has details not modelled: a key whose index has
    /// INCLUDE, storage parameters or a tablespace, a DEFERRABLE primary key, `SET NULL (columns)`.
    /// `serverMajorVersion` picks the columns PostgreSQL 15 added (NULLS NOT DISTINCT, SET NULL columns).
    static func constraints(_ schema: String, serverMajorVersion: Int) -> String {
        let modern = serverMajorVersion >= 15
        let nullsNotDistinct = modern ? "ci.indnullsnotdistinct::text" : "NULL::text"
        let setNullColumns = modern ? "COALESCE(pg_catalog.array_length(con.confdelsetcols, 1), 0) > 0" : "false"
        return """
        SELECT con.conrelid::text, con.conname, con.contype,
               pg_catalog.array_to_json(ARRAY(
                   SELECT (SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = k.num)
                   FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY AS k(num, ord) ORDER BY k.ord))::text,
               fc.relname,
               pg_catalog.array_to_json(ARRAY(
                   SELECT (SELECT a.attname FROM pg_catalog.pg_attribute a WHERE a.attrelid = con.confrelid AND a.attnum = k.num)
                   FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY AS k(num, ord) ORDER BY k.ord))::text,
               con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred,
               CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END,
               pg_catalog.pg_get_constraintdef(con.oid, true),
               CASE WHEN con.contype IN ('p', 'u') THEN \(nullsNotDistinct) END,
               con.convalidated, con.connoinherit, con.confmatchtype,
               CASE WHEN (con.contype = 'p' AND con.condeferrable) OR (con.contype = 'f' AND \(setNullColumns))
                    THEN pg_catalog.pg_get_constraintdef(con.oid, true)
                    WHEN con.contype IN ('p', 'u')
                         AND (ci.indnatts > ci.indnkeyatts OR cic.reloptions IS NOT NULL OR cic.reltablespace <> 0)
                    THEN pg_catalog.pg_get_indexdef(ci.indexrelid) END
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
        LEFT JOIN pg_catalog.pg_index ci ON ci.indexrelid = con.conindid
        LEFT JOIN pg_catalog.pg_class cic ON cic.oid = con.conindid
        WHERE n.nspname = \(schema) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND con.contype IN ('p', 'u', 'c', 'f', 'x')
        ORDER BY con.conrelid, con.conname
        """
    }

    /// Indexes that do not back a constraint: method, predicate, per key part
    /// [column name or null, column or expression text, descending, nulls first,
    /// non-default operator class or null, collation other than the key's own or null],
    /// INCLUDE column names, NULLS NOT DISTINCT (null before PostgreSQL 15), storage parameters, validity.
    static func indexes(_ schema: String, serverMajorVersion: Int) -> String {
        let nullsNotDistinct = serverMajorVersion >= 15 ? "i.indnullsnotdistinct::text" : "NULL::text"
        return """
        SELECT i.indrelid::text, ic.relname, i.indisunique, am.amname,
               pg_catalog.pg_get_expr(i.indpred, i.indrelid, true),
               pg_catalog.array_to_json(ARRAY(
                   SELECT pg_catalog.json_build_array(
                       ta.attname,
                       pg_catalog.pg_get_indexdef(i.indexrelid, k, true),
                       (i.indoption[k - 1]::integer & 1) = 1,
                       (i.indoption[k - 1]::integer & 2) = 2,
                       (SELECT opc.opcname FROM pg_catalog.pg_opclass opc
                         WHERE opc.oid = i.indclass[k - 1] AND NOT opc.opcdefault),
                       CASE WHEN i.indcollation[k - 1] <> 0 THEN
                       (SELECT coll.collname FROM pg_catalog.pg_collation coll
                         WHERE coll.oid = i.indcollation[k - 1]
                           AND i.indcollation[k - 1] <> COALESCE(ta.attcollation,
                               (SELECT t.typcollation FROM pg_catalog.pg_attribute ia JOIN pg_catalog.pg_type t ON t.oid = ia.atttypid
                                 WHERE ia.attrelid = i.indexrelid AND ia.attnum = k))) END)
                   FROM pg_catalog.generate_series(1, i.indnkeyatts::integer) AS k
                   LEFT JOIN pg_catalog.pg_attribute ta
                          ON ta.attrelid = i.indrelid AND ta.attnum = i.indkey[k - 1] AND i.indkey[k - 1] <> 0
                   ORDER BY k))::text,
               CASE WHEN i.indnatts > i.indnkeyatts THEN pg_catalog.array_to_json(ARRAY(
                   SELECT a.attname FROM pg_catalog.generate_series(i.indnkeyatts::integer + 1, i.indnatts::integer) AS k
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
                   ORDER BY k))::text ELSE '[]' END,
               \(nullsNotDistinct),
               pg_catalog.array_to_json(ic.reloptions)::text, i.indisvalid
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam
        WHERE n.nspname = \(schema) AND c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND i.indexrelid NOT IN (SELECT con.conindid FROM pg_catalog.pg_constraint con
                                    WHERE con.contype IN ('p', 'u', 'x') AND con.conindid <> 0)
        ORDER BY i.indrelid, ic.relname
        """
    }

    /// Views with their definition, comment, the relations of the same schema they read, and options.
    static func views(_ schema: String) -> String {
        """
        SELECT c.relname, pg_catalog.pg_get_viewdef(c.oid, true), pg_catalog.obj_description(c.oid, 'pg_class'),
               pg_catalog.array_to_json(ARRAY(
                   SELECT DISTINCT dc.relname FROM pg_catalog.pg_rewrite r
                   JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d.objid = r.oid
                   JOIN pg_catalog.pg_class dc ON dc.oid = d.refobjid
                   WHERE r.ev_class = c.oid AND d.refobjid <> c.oid AND dc.relnamespace = c.relnamespace
                   ORDER BY 1))::text,
               pg_catalog.array_to_json(c.reloptions)::text
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = \(schema) AND c.relkind = 'v'
        ORDER BY c.relname
        """
    }

    /// Objects SchemaSync reports but never changes: kind, name, table, definition.
    static func unmanaged(_ schema: String) -> String {
        """
        SELECT 'trigger', t.tgname, c.relname, pg_catalog.pg_get_triggerdef(t.oid, true)
          FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = \(schema) AND NOT t.tgisinternal
        UNION ALL
        SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
               p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', NULL, NULL
          FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = \(schema) AND NOT EXISTS (
               SELECT 1 FROM pg_catalog.pg_depend d
                WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid AND d.deptype = 'e')
        UNION ALL
        SELECT 'sequence', c.relname, NULL, NULL
          FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = \(schema) AND c.relkind = 'S' AND NOT EXISTS (
               SELECT 1 FROM pg_catalog.pg_depend d
                WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
                  AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0)
        UNION ALL
        SELECT 'policy', pol.polname, c.relname, NULL
          FROM pg_catalog.pg_policy pol JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = \(schema)
        UNION ALL
        SELECT CASE c.relkind WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table' ELSE 'partition' END,
               c.relname, NULL, NULL
          FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = \(schema) AND (c.relkind IN ('m', 'f') OR (c.relkind IN ('r', 'p') AND c.relispartition))
        UNION ALL
        SELECT 'rule', r.rulename, c.relname, pg_catalog.pg_get_ruledef(r.oid, true)
          FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = \(schema) AND r.rulename <> '_RETURN'
        UNION ALL
        SELECT CASE t.typtype WHEN 'e' THEN 'enum type' WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type'
                              WHEN 'm' THEN 'multirange type' ELSE 'type' END, t.typname, NULL, NULL
          FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = \(schema) AND (t.typtype IN ('e', 'd', 'r', 'm')
               OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class tc WHERE tc.oid = t.typrelid AND tc.relkind = 'c')))
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                WHERE d.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objid = t.oid AND d.deptype = 'e')
        """
    }
}
