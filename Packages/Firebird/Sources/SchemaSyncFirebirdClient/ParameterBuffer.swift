import CFirebird

/// A database or transaction parameter buffer (DPB/TPB): a version byte followed by clumplets.
struct ParameterBuffer {
    private(set) var bytes: [CChar]

    init(version: Int32) {
        bytes = [CChar(truncatingIfNeeded: version)]
    }

    /// A tag on its own (TPB flags such as `isc_tpb_write`).
    mutating func append(_ tag: Int32) {
        bytes.append(CChar(truncatingIfNeeded: tag))
    }

    /// A tag, a one-byte length and the UTF-8 bytes of `value` (at most 255 of them).
    mutating func append(_ tag: Int32, string value: String) throws {
        let utf8 = Array(value.utf8)
        guard utf8.count <= 255 else {
            throw FirebirdError(code: .misuse, message: "a parameter buffer value is longer than 255 bytes")
        }
        bytes.append(CChar(truncatingIfNeeded: tag))
        bytes.append(CChar(truncatingIfNeeded: utf8.count))
        bytes.append(contentsOf: utf8.map { CChar(bitPattern: $0) })
    }

    /// A tag, length 4 and `value` in little-endian order, as the server reads integers.
    mutating func append(_ tag: Int32, integer value: Int32) {
        bytes.append(CChar(truncatingIfNeeded: tag))
        bytes.append(4)
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(CChar(truncatingIfNeeded: value >> Int32(shift)))
        }
    }

    /// Overwrites the buffer's bytes (it may hold a password) before it is released.
    mutating func wipe() {
        for index in bytes.indices { bytes[index] = 0 }
    }
}
