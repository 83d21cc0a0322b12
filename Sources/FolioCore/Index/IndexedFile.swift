/// One file as the index remembers it: where it is, its size and time when it
/// was read, and what was read — a summary for the list, or why it could not be.
public struct IndexedFile: Equatable, Sendable {
    public var path: String
    public var absolutePath: String
    public var size: Int
    public var modifiedNanoseconds: Int64
    public var outcome: Outcome

    public enum Outcome: Equatable, Sendable {
        case article(ArticleSummary)
        case problem(String)
    }

    public init(path: String, absolutePath: String, size: Int, modifiedNanoseconds: Int64, outcome: Outcome) {
        self.path = path
        self.absolutePath = absolutePath
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.outcome = outcome
    }

    /// True when the scanned file is the one this entry describes.
    func matches(_ entry: LibraryScanner.Entry) -> Bool {
        entry.size == size && entry.modifiedNanoseconds == modifiedNanoseconds && entry.absolutePath == absolutePath
    }
}
