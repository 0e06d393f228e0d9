import SchemaSyncCore

/// A desired schema read from a live database of another engine: what was translated on the
/// way (every lossy mapping), for the plan's "lossy mappings" section.
struct CrossEngineCopy {
    let from: String
    let to: String
    let mappings: [LossyMapping]

    /// Translates `schema` from `source` to `target`; refuses, naming each, what has no safe
    /// mapping unless `allowLossy`.
    static func translate(_ schema: Schema, from source: any Dialect, to target: any Dialect,
                          sourceURL: DatabaseURL, allowLossy: Bool) throws -> (Schema, CrossEngineCopy) {
        let result = SchemaTranslator(from: source, to: target).translate(schema)
        let refused = result.refused
        if !refused.isEmpty && !allowLossy {
            let shown = refused.prefix(8).map(\.line).joined(separator: "; ")
            throw SchemaSyncError(.unsupportedChange,
                                  "\(sourceURL) (\(source.name)) cannot be copied to \(target.name) exactly: \(refused.count) object\(refused.count == 1 ? " has" : "s have") no safe mapping: \(shown)"
                                  + (refused.count > 8 ? "; and \(refused.count - 8) more" : ""),
                                  hint: "pass --allow-lossy to leave them out (the plan lists them), or change them in the source")
        }
        return (result.schema, CrossEngineCopy(from: source.name, to: target.name, mappings: result.mappings))
    }

    /// The text section: one line per mapping.
    var textLines: [String] {
        guard !mappings.isEmpty else { return ["Copied from \(from) to \(to): nothing lossy."] }
        return ["Lossy mappings (\(from) → \(to), \(mappings.count)):"] + mappings.map { "  ~ " + $0.line }
    }

    /// The JSON member `lossyMappings`.
    var json: SchemaDocument {
        .map([
            ("from", .string(from)),
            ("to", .string(to)),
            ("mappings", .list(mappings.map { mapping in
                .map([("object", .string(mapping.object)), ("source", .string(mapping.source)), ("target", .string(mapping.target)),
                      ("note", .string(mapping.note)), ("needsAllowLossy", .bool(mapping.needsAllowLossy))])
            })),
        ])
    }
}
