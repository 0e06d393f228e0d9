import CSQLite
import Foundation

/// Reads a SQLite file's schema with raw pragma queries through the C API, independent of the
/// connector's inspector: the oracle the fidelity tests compare against.
enum SQLiteCatalogOracle {
    /// Rows of `sql` on the database at `path`, each value as text ("NULL" for NULL).
    static func rows(_ path: String, _ sql: String) -> [[String]] {
        var db: OpaquePointer?
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else { return [["cannot open \(path)"]] }
        defer { sqlite3_close(db) }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &statement, nil) == SQLITE_OK else {
            return [["error: " + String(cString: sqlite3_errmsg(db))]]
        }
        defer { sqlite3_finalize(statement) }
        var result: [[String]] = []
        while sqlite3_step(statement) == SQLITE_ROW {
            result.append((0..<sqlite3_column_count(statement)).map { i in
                sqlite3_column_text(statement, i).map { String(cString: $0) } ?? "NULL"
            })
        }
        return result
    }

    /// Runs `sql` (several statements) on a new database at `path`.
    static func create(_ path: String, _ sql: String) {
        var db: OpaquePointer?
        sqlite3_open(path, &db)
        defer { sqlite3_close(db) }
        sqlite3_exec(db, sql, nil, nil, nil)
    }

    /// Every table's pragma rows (columns, indexes and their columns, foreign keys), and each
    /// object's type and name: what two databases must share to hold the same schema.
    static func catalog(_ path: String) -> [String] {
        var out: [String] = []
        for row in rows(path, "SELECT type, name, tbl_name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name") {
            if row[1].hasPrefix("sqlite_autoindex_") { continue }
            out.append("object " + row.joined(separator: " "))
            guard row[0] == "table" else { continue }
            let t = "'" + row[1].replacingOccurrences(of: "'", with: "''") + "'"
            for c in rows(path, "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(\(t))") {
                out.append("column \(row[1]) " + c.joined(separator: "|"))
            }
            // Indexes behind UNIQUE constraints are numbered in declaration order, which means
            // nothing: they are listed by their columns instead of their sqlite_autoindex_* name.
            var indexes: [String] = []
            for i in rows(path, "SELECT name, \"unique\", origin, partial FROM pragma_index_list(\(t)) ORDER BY name") {
                let parts = rows(path, "SELECT seqno, cid, name, \"desc\", coll, key FROM pragma_index_xinfo('\(i[0])')")
                    .map { $0.joined(separator: "|") }.joined(separator: ", ")
                let name = i[0].hasPrefix("sqlite_autoindex_") ? "autoindex" : i[0]
                indexes.append("index \(row[1]) \(name)|" + i.dropFirst().joined(separator: "|") + " (\(parts))")
            }
            out += indexes.sorted()
            for f in rows(path, "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(\(t))") {
                out.append("foreign key \(row[1]) " + f.joined(separator: "|"))
            }
        }
        return out
    }

    /// The stored `CREATE` text of `name`.
    static func definition(_ path: String, _ name: String) -> String {
        rows(path, "SELECT sql FROM sqlite_schema WHERE name = '\(name)'").first?.first ?? ""
    }
}
