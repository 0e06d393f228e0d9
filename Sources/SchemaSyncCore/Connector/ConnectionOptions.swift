/// Options every connector receives when opening a connection.
public struct ConnectionOptions: Hashable, Sendable {
    /// Seconds to wait for the server to accept a connection.
    public var connectTimeout: Int
    /// Seconds to wait for any single query to answer (a silent server is a timeout, not a hang).
    public var queryTimeout: Int
    /// Seconds to wait for the writer lock and for table locks during apply.
    public var lockTimeout: Int
    /// A scratch ("dev") database for turning `.sql` desired schemas into a neutral schema.
    public var devURL: DatabaseURL?
    /// Whether a database that does not exist yet may be created (file-based engines such as
    /// SQLite). Commands that only read (`plan`, `inspect`, `diff`, `apply --dry-run`) pass
    /// false, so a mistyped path is an error instead of a new empty file.
    public var createIfMissing: Bool
    /// `--online`: render changes to existing tables so their writers are not held up by scans
    /// and index builds, where the connector knows how (PostgreSQL); others ignore it.
    public var online: Bool

    public init(connectTimeout: Int = 10, queryTimeout: Int = 300, lockTimeout: Int = 5, devURL: DatabaseURL? = nil,
                createIfMissing: Bool = true, online: Bool = false) {
        self.online = online
        self.connectTimeout = connectTimeout
        self.queryTimeout = queryTimeout
        self.lockTimeout = lockTimeout
        self.devURL = devURL
        self.createIfMissing = createIfMissing
    }
}
