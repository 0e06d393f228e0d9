/// Recognises plain decimal number literals (`42`, `-1.5`, `.5`, `1e-3`) with a scanner instead
/// of a regular expression compiled on every call (it ran once per column default).
public enum DecimalLiteral {
    /// True when `text` is `[sign] (digits [. digits*] | . digits) [e [sign] digits]` and nothing else.
    /// `signs` lists the leading signs accepted (PostgreSQL stores `-1`, never `+1`).
    public static func matches(_ text: some StringProtocol, signs: Set<UInt8> = [UInt8(ascii: "+"), UInt8(ascii: "-")]) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, signs.contains(first) { bytes = bytes.dropFirst() }
        let intDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(intDigits)
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fractionDigits)
        }
        guard intDigits > 0 || fractionDigits > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponentDigits = bytes.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return false }
            bytes = bytes.dropFirst(exponentDigits)
        }
        return bytes.isEmpty
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
