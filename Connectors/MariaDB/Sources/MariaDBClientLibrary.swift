import CMariaDB

/// Initialises libmariadb exactly once per process, before any connection is opened.
///
/// `mysql_library_init` is not thread-safe; Swift runs a global's initialiser once, under a lock,
/// so every connection calls ``ensureInitialized()`` first.
enum MariaDBClientLibrary {
    private static let initialized: Bool = {
        // mysql_library_init is a macro over mysql_server_init.
        mysql_server_init(0, nil, nil) == 0
    }()

    /// Initialises the client library if this is the first call; returns false if it failed.
    @discardableResult
    static func ensureInitialized() -> Bool { initialized }
}
