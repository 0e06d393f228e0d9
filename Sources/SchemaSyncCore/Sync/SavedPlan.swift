import Foundation

/// A reviewed plan, written by `plan --out FILE` and run by `apply --plan FILE`: exactly the
/// statements a reviewer saw, bound to the database state they were planned from.
///
/// `apply --plan` runs ``statements`` only while the inspected catalog still has ``catalog``'s
/// fingerprint and the file still hashes to ``planHash``; then it verifies against
/// ``desiredSchema`` as every apply does. The format is documented in the README and published
/// as `docs/plan-file.schema.json`.
public struct SavedPlan: Codable, Sendable {
    /// This format's version; a reader refuses any other.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    /// The tool that wrote the file, e.g. `schemasync 0.1.0`.
    public var tool: String
    /// When the plan was made (ISO 8601, UTC).
    public var createdAt: String
    /// The dialect and the server's own version string (nil when the connector does not report one).
    public var dialect: String
    public var serverVersion: String?
    /// The target, with any password redacted.
    public var database: String
    /// The namespace the statements name (``Dialect/statementScope``: PostgreSQL's managed schema).
    public var scope: String?
    /// Whether destructive changes were included (`--allow-destructive`).
    public var allowDestructive: Bool
    /// SHA-256 of ``desiredSchema`` (the model, keys sorted).
    public var desiredSchemaHash: String
    /// The desired schema the plan leads to; apply verifies against it.
    public var desiredSchema: Schema
    /// The managed objects of the database the plan was made from.
    public var catalog: CatalogFingerprint
    /// The plan: every change with its safety, notes and data checks.
    public var plan: Plan
    /// The hazards of each applicable change, by ``PlannedChange/id`` (as text keys).
    public var hazards: [String: [ChangeHazard]]
    /// Exactly what apply runs, in order.
    public var statements: [RenderedStatement]
    /// SHA-256 over every field above (keys sorted, this field empty): an edited file no longer matches.
    public var planHash: String

    public init(tool: String, createdAt: String, dialect: String, serverVersion: String?, database: String, scope: String? = nil,
                allowDestructive: Bool, desiredSchema: Schema, catalog: CatalogFingerprint, plan: Plan,
                hazards: [String: [ChangeHazard]], statements: [RenderedStatement]) {
        formatVersion = Self.currentFormatVersion
        self.tool = tool
        self.createdAt = createdAt
        self.dialect = dialect
        self.serverVersion = serverVersion
        self.database = database
        self.scope = scope
        self.allowDestructive = allowDestructive
        self.desiredSchemaHash = Self.hash(of: desiredSchema)
        self.desiredSchema = desiredSchema
        self.catalog = catalog
        self.plan = plan
        self.hazards = hazards
        self.statements = statements
        planHash = ""
        planHash = computedHash()
    }

    /// SHA-256 of a desired schema's model, keys sorted.
    public static func hash(of schema: Schema) -> String {
        CatalogFingerprint.sha256((try? encoder().encode(schema)) ?? Data())
    }

    /// The file's text: pretty-printed JSON with sorted keys.
    public func encoded() throws -> Data {
        let encoder = Self.encoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads a plan file, refusing another format version or an edited file
    /// (``SchemaSyncError/Code/planStale``), and any unreadable text (``SchemaSyncError/Code/invalidSchema``).
    public static func decode(_ data: Data, path: String) throws -> SavedPlan {
        struct Version: Decodable { var formatVersion: Int? }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw SchemaSyncError(.invalidSchema, "'\(InputEcho.cut(path))' is not a saved plan (not JSON)",
                                  hint: "write one with `schemasync plan --out FILE`")
        }
        guard version.formatVersion == currentFormatVersion else {
            throw SchemaSyncError(.invalidSchema, "'\(InputEcho.cut(path))' has plan format version \(version.formatVersion.map(String.init) ?? "none"), this tool reads \(currentFormatVersion)",
                                  hint: "make the plan again with this version of schemasync")
        }
        let plan: SavedPlan
        do {
            plan = try JSONDecoder().decode(SavedPlan.self, from: data)
        } catch {
            throw SchemaSyncError(.invalidSchema, "'\(InputEcho.cut(path))' is not a valid saved plan",
                                  hint: "write one with `schemasync plan --out FILE`", cause: "\(error)")
        }
        guard plan.planHash == plan.computedHash(), plan.desiredSchemaHash == hash(of: plan.desiredSchema) else {
            throw SchemaSyncError(.planStale, "the saved plan '\(InputEcho.cut(path))' was edited after it was written (its planHash does not match its content)",
                                  hint: "make and review the plan again with `schemasync plan --out FILE`")
        }
        return plan
    }

    /// The hash of every field but ``planHash``.
    func computedHash() -> String {
        var copy = self
        copy.planHash = ""
        return CatalogFingerprint.sha256((try? Self.encoder().encode(copy)) ?? Data())
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
