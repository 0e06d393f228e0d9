import SchemaSyncCore

/// Refuses a single-valued option given more than once (`--url a --url b`): the argument
/// parser would silently keep the last value, so a copy-pasted command could target a
/// different database than the one the user read first. (`plan` and `apply` take `--url`
/// repeatedly: each is one database of a fleet run.)
enum RepeatedOptions {
    /// Every option of every subcommand that takes exactly one value. (Flags may repeat
    /// harmlessly.) `CLIHelpTests` checks this list against the parser's own description.
    static let singleValued: Set<String> = [
        "--url", "--schema", "--format", "--lock-timeout", "--connect-timeout", "--dev-url",
        "--changes-per-transaction", "--from", "--to", "--out", "--plan", "--allow-hazards", "--statement-timeout",
        "--targets", "--jobs",
    ]

    /// Options that `plan` and `apply` take more than once: each `--url` is one database of a fleet.
    static let fleetRepeatable: Set<String> = ["--url"]

    /// Throws a usage error naming the first option that appears twice in `arguments`.
    static func check(_ arguments: [String]) throws {
        let repeatable = ["plan", "apply"].contains(arguments.first ?? "") ? fleetRepeatable : []
        var seen: Set<String> = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { return }
            index += 1
            guard argument.hasPrefix("--") else { continue }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard singleValued.contains(name), !repeatable.contains(name) else {
                if repeatable.contains(name) && !argument.contains("=") { index += 1 }
                continue
            }
            if !seen.insert(name).inserted {
                throw SchemaSyncError(.usage, "option \(InputEcho.cut(name)) is given more than once",
                                      hint: "it takes one value; remove the extra \(InputEcho.cut(name))")
            }
            if !argument.contains("=") { index += 1 } // its value, even if it starts with "--"
        }
    }
}
