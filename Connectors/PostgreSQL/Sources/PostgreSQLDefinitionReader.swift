import SchemaSyncCore

/// Reads PostgreSQL's own definition of every managed object of one schema — `format_type` and
/// `pg_get_expr` for columns, `pg_get_constraintdef`, `pg_get_indexdef`, `pg_get_viewdef`,
/// sequence parameters, table options — for verification that does not go through the model.
///
/// Six queries whatever the number of tables. Row security (it goes with policies, which are
/// unmanaged), statistics targets and ownership/privileges are not compared. Names of the schema itself are removed, so the
/// target and a scratch copy of the desired schema compare equal when they hold the same objects.
struct PostgreSQLDefinitionReader {
    let schema: String
    let serverMajorVersion: Int
    let run: (String) throws -> [[String?]]

    func read() throws -> [EngineDefinition] {
        let s = PostgreSQLDialect().quoteString(schema)
        var result: [EngineDefinition] = []
        for sql in [tables(s), columns(s), constraints(s), indexes(s), views(s), sequences(s)] {
            for row in try run(sql) {
                guard row.count == 4, let kind = row[0], let name = row[2] else { continue }
                result.append(EngineDefinition(kind: kind, table: row[1], name: name, text: strip(row[3] ?? "")))
            }
        }
        return result
    }

    /// Removes `schema.` qualifiers (quoted or not) that precede a name, leaving string literals
    /// and longer names that end in the schema's name alone.
    func strip(_ text: String) -> String {
        let out = text.replacingOccurrences(of: PostgreSQLDialect().quoteIdentifier(schema) + ".", with: "")
        let plain = schema + "."
        var result = ""
        var rest = out[...]
        while let range = rest.range(of: plain) {
            let head = rest[..<range.lowerBound]
            let previous = head.last ?? result.last
            result += head
            if let p = previous, p.isLetter || p.isNumber || p == "_" || p == "'" || p == "$" || p == "\"" {
                result += plain
            }
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// Storage or view options in one order, boolean values in one spelling (`on` is `true`).
    static func sortedOptions(_ column: String) -> String {
        """
        (SELECT pg_catalog.string_agg(pg_catalog.regexp_replace(pg_catalog.regexp_replace(o, '=(on|yes)$', '=true', 'i'),
                                                            '=(off|no)$', '=false', 'i'), ',' ORDER BY o)
           FROM pg_catalog.unnest(\(column)) AS o)
        """
    }

    private func managedTables(_ s: String) -> String {
        "n.nspname = \(s) AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
    }

    /// Table-level properties: kind, persistence, storage options, access method, partitioning,
    /// inheritance, row security, replica identity, comment.
    private func tables(_ s: String) -> String {
        """
        SELECT 'table', NULL, c.relname, pg_catalog.concat_ws(' ',
                 'kind=' || c.relkind::text, 'persistence=' || c.relpersistence::text,
                 'options=' || \(Self.sortedOptions("c.reloptions")),
                 'am=' || (SELECT am.amname FROM pg_catalog.pg_am am WHERE am.oid = c.relam),
                 'partition by ' || CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,
                 'inherits=' || (SELECT pg_catalog.string_agg(p.relname, ',' ORDER BY i.inhseqno)
                                   FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
                                  WHERE i.inhrelid = c.oid),
                 'replica identity=' || c.relreplident::text,
                 'tablespace=' || (SELECT t.spcname FROM pg_catalog.pg_tablespace t WHERE t.oid = c.reltablespace),
                 'comment=' || pg_catalog.obj_description(c.oid, 'pg_class'))
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE \(managedTables(s))
        """
    }

    /// Columns keyed by name (order is not compared: PostgreSQL appends added columns).
    private func columns(_ s: String) -> String {
        let compression = serverMajorVersion >= 14
            ? "'compression=' || NULLIF(a.attcompression::text, ''),"
            : ""
        return """
        SELECT 'column', c.relname, a.attname, pg_catalog.concat_ws(' ',
                 pg_catalog.format_type(a.atttypid, a.atttypmod),
                 CASE WHEN a.attcollation <> t.typcollation
                      THEN 'COLLATE ' || (SELECT pg_catalog.quote_ident(co.collname) FROM pg_catalog.pg_collation co
                                            WHERE co.oid = a.attcollation) END,
                 CASE WHEN a.attnotnull THEN 'NOT NULL' END,
                 CASE WHEN a.attgenerated = 's' THEN 'GENERATED ALWAYS AS (' || pg_catalog.pg_get_expr(d.adbin, d.adrelid) || ') STORED'
                      WHEN d.adbin IS NOT NULL THEN 'DEFAULT ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid) END,
                 CASE a.attidentity WHEN 'a' THEN 'GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN 'GENERATED BY DEFAULT AS IDENTITY' END,
                 CASE WHEN a.attstorage <> t.typstorage THEN 'STORAGE ' || a.attstorage::text END,
                 \(compression)
                 'options=' || (SELECT pg_catalog.string_agg(o, ',' ORDER BY o) FROM pg_catalog.unnest(a.attoptions) AS o
                                 WHERE o LIKE 'n\\_distinct%'),
                 CASE WHEN a.attinhcount > 0 THEN 'inherited' END,
                 'comment=' || pg_catalog.col_description(a.attrelid, a.attnum))
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE \(managedTables(s)) AND a.attnum > 0 AND NOT a.attisdropped
        """
    }

    /// Every constraint but NOT NULL, in PostgreSQL's own words (DEFERRABLE, NOT VALID, NO INHERIT included).
    private func constraints(_ s: String) -> String {
        """
        SELECT 'constraint', c.relname, con.conname,
               pg_catalog.pg_get_constraintdef(con.oid, true)
                 || CASE WHEN con.conislocal THEN '' ELSE ' (inherited)' END
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE \(managedTables(s)) AND con.contype <> 'n'
        """
    }

    /// Every index, constraint-backing ones included: method, operator classes, collations,
    /// INCLUDE, NULLS [NOT] DISTINCT, storage parameters, predicate; plus validity and clustering.
    private func indexes(_ s: String) -> String {
        """
        SELECT 'index', c.relname, ic.relname,
               pg_catalog.pg_get_indexdef(i.indexrelid)
                 || CASE WHEN NOT i.indisvalid THEN ' (invalid)' ELSE '' END
                 || CASE WHEN i.indisclustered THEN ' (clustered)' ELSE '' END
                 || CASE WHEN i.indisreplident THEN ' (replica identity)' ELSE '' END
                 || COALESCE(' comment=' || pg_catalog.obj_description(ic.oid, 'pg_class'), '')
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE \(managedTables(s))
        """
    }

    /// Views with their options (check_option, security_barrier, ...) and comment.
    private func views(_ s: String) -> String {
        """
        SELECT 'view', NULL, c.relname,
               pg_catalog.concat_ws(' ', pg_catalog.pg_get_viewdef(c.oid, true),
                 'options=' || \(Self.sortedOptions("c.reloptions")),
                 'comment=' || pg_catalog.obj_description(c.oid, 'pg_class'))
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = \(s) AND c.relkind = 'v'
        """
    }

    /// Sequences owned by a column (serial or identity), with every parameter.
    private func sequences(_ s: String) -> String {
        """
        SELECT 'sequence', c.relname, a.attname || ' sequence',
               pg_catalog.concat_ws(' ', CASE dep.deptype WHEN 'i' THEN 'identity' ELSE 'owned ' || sc.relname END,
                 'as ' || pg_catalog.format_type(seq.seqtypid, NULL), 'start ' || seq.seqstart,
                 'increment ' || seq.seqincrement, 'min ' || seq.seqmin, 'max ' || seq.seqmax,
                 'cache ' || seq.seqcache, CASE WHEN seq.seqcycle THEN 'cycle' END,
                 'persistence=' || sc.relpersistence::text)
        FROM pg_catalog.pg_sequence seq
        JOIN pg_catalog.pg_class sc ON sc.oid = seq.seqrelid
        JOIN pg_catalog.pg_depend dep ON dep.objid = sc.oid AND dep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
             AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.deptype IN ('a', 'i')
        JOIN pg_catalog.pg_class c ON c.oid = dep.refobjid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = dep.refobjsubid
        WHERE \(managedTables(s))
        """
    }
}
