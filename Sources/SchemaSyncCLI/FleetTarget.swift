import Foundation
import SchemaSyncCore
import Yams

/// One database of a fleet: a name for the summary and its URL, with `${VAR}` already expanded.
struct FleetTarget: Sendable {
    /// What the summary calls it: the name from a targets file, else the redacted URL.
    let name: String
    /// The URL as the child run receives it (may hold a password: never print it).
    let urlText: String
    /// The parsed URL; its `description` is redacted.
    let url: DatabaseURL

    /// Targets from repeated `--url` options (named by their redacted URLs).
    static func fromURLs(_ texts: [String]) throws -> [FleetTarget] {
        let targets = try texts.enumerated().map { index, text in
            try make(name: nil, urlText: text, place: "--url #\(index + 1)")
        }
        try requireDistinct(targets)
        return targets
    }

    /// Targets listed in a file: `.yaml`/`.yml`/`.json` hold a list (or `targets:` with a list)
    /// of URLs or `{name, url}` mappings; any other file has one `URL` or `NAME URL` a line,
    /// `#` comments and blank lines ignored. `${VAR}` is expanded from `environment`.
    static func read(file path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [FleetTarget] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SchemaSyncError(.usage, "cannot read the targets file '\(InputEcho.cut(path))'", hint: "pass --targets FILE with a readable file", cause: "\(error)")
        }
        let lower = path.lowercased()
        let entries = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json")
            ? try yamlEntries(text, file: path) : try lineEntries(text, file: path)
        guard !entries.isEmpty else {
            throw SchemaSyncError(.usage, "the targets file '\(InputEcho.cut(path))' lists no database", hint: "add one URL a line, or a YAML list of {name, url}")
        }
        let targets = try entries.map { entry in
            try make(name: entry.name, urlText: try expand(entry.url, place: entry.place, environment: environment), place: entry.place)
        }
        try requireDistinct(targets)
        return targets
    }

    private struct Entry { let name: String?, url: String, place: String }

    private static func lineEntries(_ text: String, file: String) throws -> [Entry] {
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let place = "\(InputEcho.cut(file)) line \(index + 1)"
            switch words.count {
            case 1: entries.append(Entry(name: nil, url: words[0], place: place))
            case 2: entries.append(Entry(name: words[0], url: words[1], place: place))
            default:
                throw SchemaSyncError(.usage, "\(place): expected `URL` or `NAME URL`, found \(words.count) words",
                                      hint: "one database a line; URLs hold no spaces (percent-encode them)")
            }
        }
        return entries
    }

    private static func yamlEntries(_ text: String, file: String) throws -> [Entry] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw SchemaSyncError(.usage, "the targets file '\(InputEcho.cut(file))' is not valid YAML", hint: "fix the file", cause: "\(error)")
        }
        var list = root
        if let mapping = root?.mapping {
            let keys = Array(mapping.keys.compactMap(\.string))
            guard keys == ["targets"], let value = mapping["targets"] else {
                throw SchemaSyncError(.usage, "\(InputEcho.cut(file)): expected a list of targets or a `targets:` key holding one",
                                      hint: "write `targets:` followed by `- name: ...` / `url: ...` items")
            }
            list = value
        }
        guard let items = list?.sequence else {
            throw SchemaSyncError(.usage, "\(InputEcho.cut(file)): expected a list of targets", hint: "write `- name: ...` / `url: ...` items")
        }
        return try items.enumerated().map { index, item in
            let place = "\(InputEcho.cut(file)) target #\(index + 1)"
            if let url = item.scalar?.string { return Entry(name: nil, url: url, place: place) }
            guard let mapping = item.mapping else {
                throw SchemaSyncError(.usage, "\(place): expected a URL or a mapping with `url` and `name`")
            }
            for key in mapping.keys.compactMap(\.string) where key != "name" && key != "url" {
                throw SchemaSyncError(.usage, "\(place): unknown key '\(InputEcho.cut(key))'", hint: "a target takes `name` and `url`")
            }
            guard let url = mapping["url"]?.scalar?.string, !url.isEmpty else {
                throw SchemaSyncError(.usage, "\(place): missing `url`")
            }
            let name = mapping["name"]?.scalar?.string
            return Entry(name: name.map { "\(InputEcho.cut($0))" }, url: url, place: name.map { "\(InputEcho.cut(file)) target '\(InputEcho.cut($0))'" } ?? place)
        }
    }

    /// Replaces each `${NAME}` with the variable's value; an unset variable is an error that
    /// names it (never a value). A `$` not followed by `{` stays as it is.
    static func expand(_ text: String, place: String, environment: [String: String]) throws -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw SchemaSyncError(.usage, "\(place): `${` without a closing `}`", hint: "write ${NAME}")
            }
            let name = String(rest[start.upperBound..<end])
            guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic),
                  name.unicodeScalars.allSatisfy({ $0 == "_" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) }) else {
                throw SchemaSyncError(.usage, "\(place): '${\(InputEcho.cut(name))}' is not a variable name", hint: "names are letters, digits and _")
            }
            guard let value = environment[name] else {
                throw SchemaSyncError(.usage, "\(place): the environment variable \(name) is not set", hint: "export \(name) before running, or edit the targets file")
            }
            result += value
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    private static func make(name: String?, urlText: String, place: String) throws -> FleetTarget {
        let url: DatabaseURL
        do {
            url = try DatabaseURL(parsing: urlText)
        } catch let error as SchemaSyncError {
            throw SchemaSyncError(error.code, "\(place): \(error.message)", hint: error.hint, cause: error.cause)
        }
        return FleetTarget(name: name ?? url.description, urlText: urlText, url: url)
    }

    /// What names one database: a file's resolved path, else the URL without its password.
    private static func identity(of url: DatabaseURL) -> String {
        if url.host == nil && !url.path.isEmpty && url.path != ":memory:" {
            return url.scheme + ":" + URL(fileURLWithPath: url.path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        return url.description
    }

    /// Two entries for one database would wait on each other's writer lock; two with one name
    /// would make the summary ambiguous.
    private static func requireDistinct(_ targets: [FleetTarget]) throws {
        var names: Set<String> = [], urls: Set<String> = []
        for target in targets {
            guard names.insert(target.name).inserted else {
                throw SchemaSyncError(.usage, "the target '\(target.name)' is listed twice", hint: "give each target its own name")
            }
            guard urls.insert(identity(of: target.url)).inserted else {
                throw SchemaSyncError(.usage, "the database \(target.url) is listed twice", hint: "list each database once")
            }
        }
    }
}
