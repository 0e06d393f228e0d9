import SchemaSyncCore

/// Splits a Firebird SQL script into statements as isql does (the core's ``SQLScript``):
/// at the terminator outside string literals, quoted names and comments, following
/// `SET TERM ^ ;` ... `SET TERM ; ^`, so PSQL bodies holding `;` stay whole. Comments and
/// `COMMIT` statements are left out.
enum FirebirdScript {
    static let syntax: SQLScriptSyntax = {
        var syntax = SQLScriptSyntax.standard
        syntax.terminatorDirective = .statement(words: ["set", "term"])
        return syntax
    }()

    static func statements(_ script: String) -> [String] {
        SQLScript(script, syntax: syntax).statements.compactMap { statement in
            let text = statement.rewritten { $1.kind == .lineComment || $1.kind == .blockComment ? "" : $1.text }
            return text.uppercased() == "COMMIT" ? nil : text
        }
    }
}
