import CFirebird

/// An XSQLDA describing a statement's result columns, with a data buffer and a null indicator
/// bound to each column so that `isc_dsql_fetch` can fill them.
final class OutputDescriptor {
    private(set) var sqlda: UnsafeMutablePointer<XSQLDA>
    private var buffers: [UnsafeMutableRawPointer] = []

    init(capacity: Int) {
        sqlda = Self.allocate(capacity: capacity)
    }

    deinit {
        releaseBuffers()
        sqlda.deinitialize(count: 1)
        UnsafeMutableRawPointer(sqlda).deallocate()
    }

    /// Columns the statement has (`sqld`), which may exceed the capacity after a describe.
    var count: Int { Int(sqlda.pointee.sqld) }
    var capacity: Int { Int(sqlda.pointee.sqln) }

    /// Makes room for `capacity` columns; the caller describes the statement again afterwards.
    func grow(to capacity: Int) {
        releaseBuffers()
        sqlda.deinitialize(count: 1)
        UnsafeMutableRawPointer(sqlda).deallocate()
        sqlda = Self.allocate(capacity: capacity)
    }

    func column(_ index: Int) -> UnsafeMutablePointer<XSQLVAR> {
        cfb_sqlvar(sqlda, Int32(index))
    }

    /// Gives every column a buffer of the size its type needs and asks for null indicators on all.
    func bindBuffers() {
        releaseBuffers()
        for index in 0..<count {
            let column = column(index)
            let type = Int32(column.pointee.sqltype) & ~1
            var size = Int(column.pointee.sqllen)
            if type == SQL_VARYING { size += 2 }      // sqllen excludes the 2-byte length prefix
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1) + 8, alignment: 8)
            buffers.append(buffer)
            column.pointee.sqlind = (buffer + 0).bindMemory(to: ISC_SHORT.self, capacity: 1)
            column.pointee.sqldata = (buffer + 8).bindMemory(to: ISC_SCHAR.self, capacity: max(size, 1))
            column.pointee.sqltype |= 1                 // always report NULL through sqlind
        }
    }

    /// The alias (or name) of a column, for error messages.
    func name(of index: Int) -> String {
        var column = column(index).pointee
        let length = Int(column.aliasname_length)
        return withUnsafeBytes(of: &column.aliasname) { raw in
            String(decoding: raw.prefix(length), as: UTF8.self)
        }
    }

    private func releaseBuffers() {
        for buffer in buffers { buffer.deallocate() }
        buffers.removeAll()
    }

    private static func allocate(capacity: Int) -> UnsafeMutablePointer<XSQLDA> {
        let length = Int(cfb_xsqlda_length(Int32(capacity)))
        let raw = UnsafeMutableRawPointer.allocate(byteCount: length, alignment: MemoryLayout<XSQLDA>.alignment)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: length)
        let sqlda = raw.bindMemory(to: XSQLDA.self, capacity: 1)
        sqlda.pointee.version = ISC_SHORT(SQLDA_VERSION1)
        sqlda.pointee.sqln = ISC_SHORT(capacity)
        return sqlda
    }
}
