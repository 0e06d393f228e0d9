/// The outcome of one ``DataCheck``: how many existing rows would violate the change.
public struct DataCheckResult: Hashable, Sendable, Codable {
    public var changeID: Int
    public var objectPath: String
    public var check: DataCheck
    public var offendingRows: Int

    public init(changeID: Int, objectPath: String, check: DataCheck, offendingRows: Int) {
        self.changeID = changeID
        self.objectPath = objectPath
        self.check = check
        self.offendingRows = offendingRows
    }

    /// `users.email: 3 rows in users with email NULL`
    public var message: String { "\(objectPath): \(offendingRows) \(check)" }
}
