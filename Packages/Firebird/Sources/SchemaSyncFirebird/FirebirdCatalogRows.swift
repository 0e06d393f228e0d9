import SchemaSyncFirebirdClient

/// The rows of the catalog queries (``FirebirdCatalogQueries`` plus user triggers), decoded:
/// seven queries for the whole database, shared by the inspector and the definition reader.
/// SchemaSync's own lock table (``FirebirdWriterLock/tableName``) and the copies of unfinished
/// table renames (``FirebirdTableRename``) are left out of every list.
struct FirebirdCatalogRows {
    struct RelationRow { var name: String; var type: Int; var viewSource: String?; var description: String? }
    struct ColumnRow {
        var relation: String, name: String, position: Int, domain: String
        var field: FirebirdTypeMapping.FieldType
        var notNull: Bool, defaultSource: String?, computedSource: String?
        var identityType: Int?, domainCheck: String?, description: String?
    }
    struct IndexRow {
        var relation: String, index: String, unique: Bool, descending: Bool, inactive: Bool, expression: String?
        var constraint: String?, constraintType: String?, segmentPosition: Int?, segment: String?
    }
    struct ConstraintRow {
        var relation: String, name: String, type: String, index: String?
        var referencedRelation: String?, referencedIndex: String?, updateRule: String?, deleteRule: String?, checkSource: String?
    }
    struct TriggerRow { var name: String; var relation: String?; var source: String? }
    struct SequenceRow { var name: String; var systemFlag: Int }

    var relations: [RelationRow] = []
    var columns: [ColumnRow] = []
    var indexes: [IndexRow] = []
    var constraints: [ConstraintRow] = []
    var triggers: [TriggerRow] = []
    var sequences: [SequenceRow] = []
    /// Tables that are the empty copy of an unfinished rename (left out of the lists above).
    var pendingRenameCopies: [String] = []

    /// User triggers, without those behind CHECK constraints.
    static let triggersQuery = """
        SELECT t.RDB$TRIGGER_NAME, t.RDB$RELATION_NAME, t.RDB$TRIGGER_SOURCE
        FROM RDB$TRIGGERS t
        WHERE COALESCE(t.RDB$SYSTEM_FLAG, 0) = 0
          AND NOT EXISTS (SELECT 1 FROM RDB$CHECK_CONSTRAINTS cc WHERE cc.RDB$TRIGGER_NAME = t.RDB$TRIGGER_NAME)
        ORDER BY t.RDB$TRIGGER_NAME
        """

    /// Runs the queries through `run` (the session's connection, inside its transaction if one is open).
    init(run: (String) throws -> [[String?]]) throws {
        var hidden: Set<String> = [FirebirdWriterLock.tableName]
        func int(_ v: String?) -> Int? { v.flatMap { Int($0) } }
        func at(_ row: [String?], _ i: Int) -> String? { i < row.count ? row[i] : nil }
        for r in try run(FirebirdCatalogQueries.relations) where !hidden.contains(at(r, 0) ?? "") {
            if at(r, 3)?.hasPrefix(FirebirdTableRename.marker) == true {
                // The empty copy of an unfinished table rename: the next apply replaces it.
                hidden.insert(at(r, 0) ?? "")
                pendingRenameCopies.append(at(r, 0) ?? "")
                continue
            }
            relations.append(RelationRow(name: at(r, 0) ?? "", type: int(at(r, 1)) ?? 0, viewSource: at(r, 2), description: at(r, 3)))
        }
        for r in try run(FirebirdCatalogQueries.columns) where !hidden.contains(at(r, 0) ?? "") {
            let field = FirebirdTypeMapping.FieldType(
                code: int(at(r, 4)) ?? 0, subType: int(at(r, 5)), byteLength: int(at(r, 6)), characterLength: int(at(r, 7)),
                precision: int(at(r, 8)), scale: int(at(r, 9)), characterSet: at(r, 10), collation: at(r, 11))
            columns.append(ColumnRow(
                relation: at(r, 0) ?? "", name: at(r, 1) ?? "", position: int(at(r, 2)) ?? 0, domain: at(r, 3) ?? "",
                field: field, notNull: at(r, 12) == "1", defaultSource: at(r, 13), computedSource: at(r, 14),
                identityType: int(at(r, 15)), domainCheck: at(r, 17), description: at(r, 18)))
        }
        for r in try run(FirebirdCatalogQueries.indexes) where !hidden.contains(at(r, 0) ?? "") {
            indexes.append(IndexRow(
                relation: at(r, 0) ?? "", index: at(r, 1) ?? "", unique: at(r, 2) == "1", descending: at(r, 3) == "1",
                inactive: at(r, 4) == "1", expression: at(r, 5), constraint: at(r, 6), constraintType: at(r, 7),
                segmentPosition: int(at(r, 8)), segment: at(r, 9)))
        }
        for r in try run(FirebirdCatalogQueries.constraints) where !hidden.contains(at(r, 0) ?? "") {
            constraints.append(ConstraintRow(
                relation: at(r, 0) ?? "", name: at(r, 1) ?? "", type: at(r, 2) ?? "", index: at(r, 3),
                referencedRelation: at(r, 4), referencedIndex: at(r, 5), updateRule: at(r, 6), deleteRule: at(r, 7),
                checkSource: at(r, 8)))
        }
        for r in try run(Self.triggersQuery) where !hidden.contains(at(r, 1) ?? "") {
            triggers.append(TriggerRow(name: at(r, 0) ?? "", relation: at(r, 1), source: at(r, 2)))
        }
        for r in try run(FirebirdCatalogQueries.sequences) {
            sequences.append(SequenceRow(name: at(r, 0) ?? "", systemFlag: int(at(r, 3)) ?? 0))
        }
    }
}
