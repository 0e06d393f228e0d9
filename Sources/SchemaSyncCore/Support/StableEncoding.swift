/// A compact, deterministic byte encoding of any `Encodable` value, for hashing: every value is
/// tagged with its kind and length, and keyed containers are written in key order (so a
/// dictionary gives the same bytes in every process, as JSON with sorted keys would), several
/// times faster than `JSONEncoder`. Not meant to be decoded; coding paths are left empty.
public enum StableEncoding {
    /// The bytes of `value`.
    public static func bytes<T: Encodable>(of value: T) throws -> [UInt8] {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root, codingPath: []))
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        root.write(to: &out)
        return out
    }

    /// One encoded value: a scalar's bytes, or the entries of a keyed or unkeyed container.
    final class Node {
        enum Kind { case empty, scalar, keyed, unkeyed }
        var kind = Kind.empty
        var scalar: [UInt8] = []
        var keyed: [(String, Node)] = []
        var items: [Node] = []

        func set(tag: UInt8, _ payload: some Sequence<UInt8>) {
            kind = .scalar
            scalar = [tag]
            scalar.append(contentsOf: payload)
        }

        func write(to out: inout [UInt8]) {
            switch kind {
            case .empty: out.append(UInt8(ascii: "0"))
            case .scalar: out.append(contentsOf: scalar)
            case .keyed:
                out.append(UInt8(ascii: "k"))
                Node.length(keyed.count, to: &out)
                for (key, node) in keyed.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
                    Node.string(key, to: &out)
                    node.write(to: &out)
                }
            case .unkeyed:
                out.append(UInt8(ascii: "u"))
                Node.length(items.count, to: &out)
                for item in items { item.write(to: &out) }
            }
        }

        static func length(_ n: Int, to out: inout [UInt8]) {
            withUnsafeBytes(of: UInt64(n).littleEndian) { out.append(contentsOf: $0) }
        }

        static func string(_ s: String, to out: inout [UInt8]) {
            length(s.utf8.count, to: &out)
            out.append(contentsOf: s.utf8)
        }

        func setString(_ s: String) {
            kind = .scalar
            scalar = [UInt8(ascii: "s")]
            Node.string(s, to: &scalar)
        }

        func setInteger<I: FixedWidthInteger>(_ value: I) {
            var text: [UInt8] = []
            Node.string(String(value), to: &text)
            set(tag: UInt8(ascii: "i"), text)
        }

        func setDouble(_ value: Double) {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { set(tag: UInt8(ascii: "d"), $0) }
        }

        func child(forKey key: String) -> Node {
            kind = .keyed
            let node = Node()
            keyed.append((key, node))
            return node
        }

        func nextItem() -> Node {
            kind = .unkeyed
            let node = Node()
            items.append(node)
            return node
        }
    }

    struct NodeEncoder: Encoder {
        let node: Node
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            node.kind = .keyed
            return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            node.kind = .unkeyed
            return UnkeyedContainer(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValueContainer(node: node, codingPath: codingPath)
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.set(tag: UInt8(ascii: "n"), []) }
        mutating func encode(_ value: Bool) throws { node.set(tag: UInt8(ascii: "b"), [value ? 1 : 0]) }
        mutating func encode(_ value: String) throws { node.setString(value) }
        mutating func encode(_ value: Double) throws { node.setDouble(value) }
        mutating func encode(_ value: Float) throws { node.setDouble(Double(value)) }
        mutating func encode(_ value: Int) throws { node.setInteger(value) }
        mutating func encode(_ value: Int8) throws { node.setInteger(value) }
        mutating func encode(_ value: Int16) throws { node.setInteger(value) }
        mutating func encode(_ value: Int32) throws { node.setInteger(value) }
        mutating func encode(_ value: Int64) throws { node.setInteger(value) }
        mutating func encode(_ value: UInt) throws { node.setInteger(value) }
        mutating func encode(_ value: UInt8) throws { node.setInteger(value) }
        mutating func encode(_ value: UInt16) throws { node.setInteger(value) }
        mutating func encode(_ value: UInt32) throws { node.setInteger(value) }
        mutating func encode(_ value: UInt64) throws { node.setInteger(value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        var codingPath: [any CodingKey]

        private func single(_ key: Key) -> SingleValueContainer {
            SingleValueContainer(node: node.child(forKey: key.stringValue), codingPath: [])
        }

        mutating func encodeNil(forKey key: Key) throws { var c = single(key); try c.encodeNil() }
        mutating func encode(_ value: Bool, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: Float, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { var c = single(key); try c.encode(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { var c = single(key); try c.encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = node.child(forKey: key.stringValue)
            child.kind = .keyed
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: []))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = node.child(forKey: key.stringValue)
            child.kind = .unkeyed
            return UnkeyedContainer(node: child, codingPath: [])
        }

        mutating func superEncoder() -> any Encoder {
            NodeEncoder(node: node.child(forKey: "super"), codingPath: [])
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            NodeEncoder(node: node.child(forKey: key.stringValue), codingPath: [])
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        var count: Int { node.items.count }

        private func single() -> SingleValueContainer {
            SingleValueContainer(node: node.nextItem(), codingPath: [])
        }

        mutating func encodeNil() throws { var c = single(); try c.encodeNil() }
        mutating func encode(_ value: Bool) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: String) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: Double) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: Float) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: Int) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: Int8) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: Int16) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: Int32) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: Int64) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: UInt) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: UInt8) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: UInt16) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: UInt32) throws { var c = single(); try c.encode(value) }
        mutating func encode(_ value: UInt64) throws { var c = single(); try c.encode(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { var c = single(); try c.encode(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = node.nextItem()
            child.kind = .keyed
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = node.nextItem()
            child.kind = .unkeyed
            return UnkeyedContainer(node: child, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder {
            NodeEncoder(node: node.nextItem(), codingPath: codingPath)
        }
    }
}
