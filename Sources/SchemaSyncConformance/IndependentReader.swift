/// A way to read (and seed) what a database holds that does not go through the session under
/// test: the engine's own command-line client, another driver, a second library.
///
/// The conformance kit reads rows back with it, so a connector whose query path returns wrong
/// rows cannot pass by agreeing with itself. It seeds rows with it too, so a connector whose
/// write path loses values is caught when they are read back.
///
/// ```swift
/// struct MyEngineShell: IndependentReader {
///     let url: DatabaseURL
///     var name: String { "myengine-cli" }
///     func rows(_ sql: String) throws -> [[String?]] { /* run the engine's CLI, parse its output */ }
///     func execute(_ sql: String) throws { /* run the engine's CLI */ }
/// }
/// ```
/// The kit ships readers built on the engines' command-line clients: ``SQLite3Reader``,
/// ``PsqlReader`` and ``MariaDBClientReader``.
///
/// Values are text as the engine prints them (the kit compares numbers with trailing
/// fractional zeros removed, so `5.50` and `5.5` are equal); SQL NULL must be `nil`, distinct
/// from the empty string.
public protocol IndependentReader {
    /// Names the reader in the suite's output, e.g. `psql`.
    var name: String { get }

    /// Runs one query on the database the scenario's session is connected to and returns every
    /// row in order, each value as text, `nil` for SQL NULL.
    /// - throws: when the engine refuses the query or the reader cannot reach it.
    func rows(_ sql: String) throws -> [[String?]]

    /// Runs one statement that returns no rows (the kit seeds rows with `INSERT`), committed
    /// when it returns.
    /// - throws: when the engine refuses it (e.g. a constraint is violated).
    func execute(_ sql: String) throws
}

extension IndependentReader {
    public var name: String { String(describing: type(of: self)) }
}
