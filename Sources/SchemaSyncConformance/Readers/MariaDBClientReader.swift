import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SchemaSyncCore

/// Reads and seeds a MariaDB (or MySQL) database with the `mariadb` command-line client (Debian
/// package `mariadb-client`), not through any SchemaSync code.
///
/// ```swift
/// ConformanceTarget(session: try MariaDBConnector().connect(to: url, options: .init()),
///                   reader: MariaDBClientReader(url: url))
/// ```
/// The URL's host, port, user and database become `-h`, `-P`, `-u` and `-D` (no option files
/// are read: `--no-defaults`); its password goes in `MYSQL_PWD`, never in the arguments or any
/// output. Rows are read as `--xml`, where NULL is `xsi:nil="true"`, distinct from the empty string.
public struct MariaDBClientReader: IndependentReader {
    public let url: DatabaseURL
    let client: ClientProcess

    /// - Parameters:
    ///   - url: the session's database (`mariadb://user:pass@host:port/db`).
    ///   - program: the client, looked up on `PATH` unless it contains a `/` (`mysql` works too).
    public init(url: DatabaseURL, program: String = "mariadb") {
        self.url = url
        client = ClientProcess(program: program, package: "mariadb-client")
    }

    public var name: String { "mariadb" }

    public func rows(_ sql: String) throws -> [[String?]] {
        let output = try run(["--xml", "-e", sql])
        let collector = ResultSetXML()
        let parser = XMLParser(data: output)
        parser.delegate = collector
        guard parser.parse(), collector.sawResultSet else {
            let why = parser.parserError.map { "\($0)" } ?? "no <resultset>"
            throw IndependentReaderError(program: client.program, message: "unreadable --xml output (\(why))")
        }
        return collector.rows
    }

    public func execute(_ sql: String) throws {
        _ = try run(["-e", sql])
    }

    private func run(_ tail: [String]) throws -> Data {
        var arguments = ["--no-defaults", "--batch", "--default-character-set=utf8mb4", "--connect-timeout=10"]
        if let host = url.host { arguments += ["-h", host, "--protocol=TCP"] }
        if let port = url.port { arguments += ["-P", String(port)] }
        if let user = url.user { arguments += ["-u", user] }
        if !url.databaseName.isEmpty { arguments += ["-D", url.databaseName] }
        var environment: [String: String] = [:]
        if let password = url.password { environment["MYSQL_PWD"] = password }
        return try client.run(arguments + tail, environment: environment)
    }
}

/// Collects `<row><field name="..." [xsi:nil="true"]>text</field>...</row>` of `mariadb --xml`.
private final class ResultSetXML: NSObject, XMLParserDelegate {
    var rows: [[String?]] = []
    var sawResultSet = false
    private var field: String?
    private var isNull = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "resultset": sawResultSet = true
        case "row": rows.append([])
        case "field":
            field = ""
            isNull = attributes["xsi:nil"] == "true"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        field? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard name == "field", let value = field, !rows.isEmpty else { return }
        rows[rows.count - 1].append(isNull ? nil : value)
        field = nil
    }
}
