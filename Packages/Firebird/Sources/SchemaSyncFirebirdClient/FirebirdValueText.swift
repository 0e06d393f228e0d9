/// How this client spells Firebird values as text; pure functions, so they are tested without a server.
enum FirebirdValueText {
    /// `value × 10^scale` in plain decimal notation: (12345, -2) → "123.45", (-5, -3) → "-0.005".
    static func scaledInteger(_ value: Int64, scale: Int) -> String {
        if scale >= 0 {
            return scale == 0 ? String(value) : String(value) + String(repeating: "0", count: scale)
        }
        let places = -scale
        var digits = String(value.magnitude)
        if digits.count <= places {
            digits = String(repeating: "0", count: places - digits.count + 1) + digits
        }
        let point = digits.index(digits.endIndex, offsetBy: -places)
        return (value < 0 ? "-" : "") + digits[..<point] + "." + digits[point...]
    }

    /// A DATE (days since 1858-11-17, the modified Julian day 0) as "YYYY-MM-DD".
    static func date(_ modifiedJulianDay: Int32) -> String {
        // Howard Hinnant's days-to-civil, counted from 1970-01-01 (MJD 40587).
        let z = Int(modifiedJulianDay) - 40587 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// A TIME (units of 1/10,000 s since midnight) as "HH:MM:SS.ffff".
    static func time(_ units: UInt32) -> String {
        let fraction = Int(units % 10_000)
        let seconds = Int(units / 10_000)
        return pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2) + "." + pad(fraction, 4)
    }

    /// A TIMESTAMP as "YYYY-MM-DD HH:MM:SS.ffff".
    static func timestamp(date: Int32, time: UInt32) -> String {
        self.date(date) + " " + self.time(time)
    }

    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value.magnitude)
        let padded = text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        return value < 0 ? "-" + padded : padded
    }
}
