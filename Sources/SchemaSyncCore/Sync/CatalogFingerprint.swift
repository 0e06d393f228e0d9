import Crypto
import Foundation

/// A digest of the managed objects of a database as inspected: one SHA-256 per table and view,
/// over the model's reading of it and the engine's own definitions of it, so drift the model
/// cannot hold still changes the fingerprint.
///
/// A saved plan records the fingerprint it was made from; `apply --plan` runs the saved
/// statements only while the database still has it (see ``SavedPlan``).
public struct CatalogFingerprint: Hashable, Sendable, Codable {
    /// `table users`, `view active_users` → hex SHA-256 of that object.
    public var objects: [String: String]

    public init(objects: [String: String]) {
        self.objects = objects
    }

    /// The fingerprint of `schema` (as inspected) and, when the connector provides them, the
    /// engine's `definitions` of the same database. Objects the engine keeps without a table are
    /// views and tables themselves; every other definition belongs to its table. Unmanaged
    /// objects count too (a table rebuild re-creates a table's triggers from what was inspected).
    /// `ignoring`: model attributes whose presence depends on who connects
    /// (``Dialect/sessionDependentAttributes``), left out so two users see one fingerprint.
    public init(schema: Schema, definitions: [EngineDefinition]?, ignoring attributes: Set<String> = []) {
        var byTable: [String: [String]] = [:]
        var views: [String: [String]] = [:]
        for definition in definitions ?? [] {
            let line = "\(definition.kind)\u{1F}\(definition.name)\u{1F}\(definition.text)"
            if let table = definition.table {
                byTable[table, default: []].append(line)
            } else if definition.kind == "view" {
                views[definition.name, default: []].append(line)
            } else {
                byTable[definition.name, default: []].append(line)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var objects: [String: String] = [:]
        let sorted = Self.without(attributes, in: schema.sorted())
        for table in sorted.tables {
            let model = (try? encoder.encode(table)) ?? Data()
            objects["table \(table.name)"] = Self.digest(model, (byTable.removeValue(forKey: table.name) ?? []).sorted())
        }
        for object in sorted.unmanaged {
            let key = "\(object.kind) \(object.name)" + (object.table.map { " on \($0)" } ?? "")
            objects[key] = Self.digest(Data(), [object.definition ?? ""])
        }
        for view in sorted.views {
            let model = (try? encoder.encode(view)) ?? Data()
            objects["view \(view.name)"] = Self.digest(model, (views.removeValue(forKey: view.name) ?? []).sorted())
        }
        // Definitions of a table the model did not list (a connector may fold names differently).
        for (table, lines) in byTable where !lines.isEmpty {
            objects["table \(table) (engine)"] = Self.digest(Data(), lines.sorted())
        }
        self.objects = objects
    }

    /// What differs from `earlier`, one entry per object: `table users changed`, `view v was added`,
    /// `table t was dropped`; empty when they are the same.
    public func changes(since earlier: CatalogFingerprint) -> [String] {
        var result: [String] = []
        for name in Set(objects.keys).union(earlier.objects.keys).sorted() {
            switch (earlier.objects[name], objects[name]) {
            case let (before?, now?) where before != now: result.append("\(name) changed")
            case (nil, _?): result.append("\(name) was added")
            case (_?, nil): result.append("\(name) was dropped")
            default: continue
            }
        }
        return result
    }

    private static func without(_ attributes: Set<String>, in schema: Schema) -> Schema {
        guard !attributes.isEmpty else { return schema }
        var copy = schema
        for t in copy.tables.indices {
            for key in attributes { copy.tables[t].attributes[key] = nil }
            for c in copy.tables[t].columns.indices { for key in attributes { copy.tables[t].columns[c].attributes[key] = nil } }
        }
        for v in copy.views.indices { for key in attributes { copy.views[v].attributes[key] = nil } }
        return copy
    }

    private static func digest(_ model: Data, _ lines: [String]) -> String {
        var hash = SHA256()
        hash.update(data: model)
        for line in lines {
            hash.update(data: Data([0x1E]))
            hash.update(data: Data(line.utf8))
        }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
