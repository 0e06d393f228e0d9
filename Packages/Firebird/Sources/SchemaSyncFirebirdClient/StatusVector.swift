import CFirebird

/// The ISC status vector every client call fills in, and its translation into `FirebirdError`.
final class StatusVector {
    private let storage: UnsafeMutablePointer<ISC_STATUS>
    private static let length = Int(ISC_STATUS_LENGTH)

    init() {
        storage = .allocate(capacity: Self.length)
        storage.initialize(repeating: 0, count: Self.length)
    }

    deinit { storage.deallocate() }

    var pointer: UnsafeMutablePointer<ISC_STATUS> { storage }

    /// Whether the last call failed: `[isc_arg_gds, code, ...]` with a non-zero code.
    var failed: Bool { storage[0] == 1 && storage[1] != 0 }

    /// The first error code of the vector.
    var gdsCode: Int { failed ? Int(storage[1]) : 0 }

    /// Throws when the last call failed.
    func check(_ code: FirebirdError.Code, sql: String? = nil) throws {
        if failed { throw error(code, sql: sql) }
    }

    func error(_ code: FirebirdError.Code, sql: String?) -> FirebirdError {
        FirebirdError(
            code: code,
            message: messageLines().joined(separator: "; "),
            gdsCode: gdsCode,
            sqlCode: Int(isc_sqlcode(storage)),
            sqlState: sqlState(),
            sql: sql
        )
    }

    private func messageLines() -> [String] {
        var lines: [String] = []
        var cursor: UnsafePointer<ISC_STATUS>? = UnsafePointer(storage)
        var buffer = [CChar](repeating: 0, count: 1024)
        while true {
            let length = buffer.withUnsafeMutableBufferPointer { fb_interpret($0.baseAddress, UInt32($0.count), &cursor) }
            if length <= 0 { break }
            var line = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            if line.hasPrefix("-") { line.removeFirst() }
            lines.append(line)
        }
        return lines.isEmpty ? ["unknown error \(gdsCode)"] : lines
    }

    private func sqlState() -> String? {
        var buffer = [CChar](repeating: 0, count: 8)
        buffer.withUnsafeMutableBufferPointer { fb_sqlstate($0.baseAddress, storage) }
        let state = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return state.isEmpty || state == "00000" ? nil : state
    }
}
