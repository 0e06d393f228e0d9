/// An error reported by the Firebird client library or by this client.
///
/// ```swift
/// do { try connection.execute("CREATE TABLE T (A INT)") }
/// catch let error as FirebirdError where error.gdsCode == 335544351 { /* object exists */ }
/// ```
///
/// `message` is the server's text as `fb_interpret` renders it, one status line after another,
/// joined by "; ". Neither the message nor `description` ever holds a password: connection
/// errors carry the database path only, and `sql` is the statement the caller passed.
public struct FirebirdError: Error, CustomStringConvertible, Sendable {
    /// What the client was doing when the error happened.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case invalidURL = "invalid URL"
            case connection = "connection failed"
            case transaction = "transaction failed"
            case statement = "statement failed"
            case unsupportedType = "unsupported type"
            case misuse = "misuse"
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The connection URL could not be understood.
        public static let invalidURL = Code(.invalidURL)
        /// Attaching, creating, dropping or detaching a database failed.
        public static let connection = Code(.connection)
        /// Starting, committing or rolling back a transaction failed.
        public static let transaction = Code(.transaction)
        /// Preparing, executing or fetching a statement failed.
        public static let statement = Code(.statement)
        /// A result column has a type this client does not read (for example an ARRAY).
        public static let unsupportedType = Code(.unsupportedType)
        /// The API was used out of order (for example `commit()` without `begin()`).
        public static let misuse = Code(.misuse)

        public var description: String { kind.rawValue }
    }

    public let code: Code
    /// The first error code of the status vector (`isc_...`/GDS code, e.g. 335544580 for
    /// "table unknown"), or 0 when the error comes from this client.
    public let gdsCode: Int
    /// The SQLCODE that `isc_sqlcode` derives from the status vector (e.g. -204), or 0.
    public let sqlCode: Int
    /// The five-character SQLSTATE from `fb_sqlstate`, when the server gave one.
    public let sqlState: String?
    public let message: String
    /// The statement being run, when there was one.
    public let sql: String?

    public init(code: Code, message: String, gdsCode: Int = 0, sqlCode: Int = 0, sqlState: String? = nil, sql: String? = nil) {
        self.code = code
        self.gdsCode = gdsCode
        self.sqlCode = sqlCode
        self.sqlState = sqlState
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "Firebird \(code): \(message)"
        var details: [String] = []
        if sqlCode != 0 { details.append("SQLCODE \(sqlCode)") }
        if let sqlState { details.append("SQLSTATE \(sqlState)") }
        if gdsCode != 0 { details.append("GDS \(gdsCode)") }
        if !details.isEmpty { text += " (\(details.joined(separator: ", ")))" }
        if let sql { text += " in: \(sql)" }
        return text
    }
}
