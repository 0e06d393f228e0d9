/// Quotes the names an expression or view body refers to, so that Firebird finds the objects
/// SchemaSync created with quoted (case-kept) names.
///
/// Firebird upper-cases unquoted names: `email <> ''` on a column created as `"email"` fails
/// with "Column unknown EMAIL". Firebird stores check sources, defaults and view bodies exactly
/// as written, so quoting them once, the same way on the desired schema
/// (``FirebirdSession/canonicalize(_:)``) and in rendered statements, is deterministic: the
/// catalog then holds the very text the desired schema has.
///
/// ```swift
/// FirebirdExpressionNames.quote("email <> '' AND COUNT(x) > 0", names: ["email", "x"])
/// // "\"email\" <> '' AND COUNT(\"x\") > 0"
/// ```
/// Rules: a bare word (letters, digits, `_`, `$`) that is exactly one of `names` is quoted, unless
/// a `(` follows it (a function call). In a view body the word after `AS` is a column alias and
/// is quoted too, except inside `CAST(... AS type)`. String literals, quoted names and
/// comments are kept. Quoting twice changes nothing.
enum FirebirdExpressionNames {
    static func quote(_ text: String, names: Set<String>, aliases: Bool = false) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        var parens: [Bool] = []          // true: the parenthesis opened a CAST
        var previousWord: String?        // the last word token, upper-cased, if nothing but spaces followed it
        var lastWordWasCast = false
        func nextNonSpace(_ j: Int) -> Character? {
            var k = j
            while k < chars.count, chars[k].isWhitespace { k += 1 }
            return k < chars.count ? chars[k] : nil
        }
        while i < chars.count {
            let c = chars[i]
            if c == "'" || c == "\"" {
                var j = i + 1
                while j < chars.count {
                    if chars[j] == c {
                        if j + 1 < chars.count, chars[j + 1] == c { j += 2; continue }
                        break
                    }
                    j += 1
                }
                out += String(chars[i..<min(j + 1, chars.count)])
                i = j + 1
                previousWord = nil
                continue
            }
            if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                out += String(chars[i..<j]); i = j
                continue
            }
            if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "*" && chars[j + 1] == "/") { j += 1 }
                let end = min(j + 2, chars.count)
                out += String(chars[i..<end]); i = end
                continue
            }
            if c.isLetter || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || chars[j] == "_" || chars[j] == "$" { j += 1 }
                let word = String(chars[i..<j])
                let call = nextNonSpace(j) == "("
                let afterAs = aliases && previousWord == "AS" && !(parens.last ?? false)
                let qualified = out.last == "."
                if !call && (names.contains(word) || (afterAs && !qualified)) {
                    out += "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                } else {
                    out += word
                }
                previousWord = word.uppercased()
                lastWordWasCast = previousWord == "CAST" && call
                i = j
                continue
            }
            if c.isNumber {
                var j = i
                while j < chars.count, chars[j].isNumber || chars[j] == "." || chars[j].isLetter { j += 1 }
                out += String(chars[i..<j]); i = j
                previousWord = nil
                continue
            }
            if c == "(" { parens.append(lastWordWasCast); lastWordWasCast = false }
            if c == ")" { _ = parens.popLast() }
            if !c.isWhitespace { previousWord = nil; if c != "(" { lastWordWasCast = false } }
            out.append(c)
            i += 1
        }
        return out
    }
}
