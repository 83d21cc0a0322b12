import Foundation

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

    /// True when `absolutePath` is, byte for byte, `root` + "/" + `relative` (false when
    /// unsure: different bytes can still be equal Strings).
    @inline(__always)
    func isAt(root: [UInt8], relative: UnsafeBufferPointer<UInt8>) -> Bool {
        absolutePath.utf8.withContiguousStorageIfAvailable { path -> Bool in
            guard path.count == root.count + 1 + relative.count, let base = path.baseAddress else { return false }
            return root.withUnsafeBufferPointer { root in
                (root.isEmpty || memcmp(base, root.baseAddress!, root.count) == 0)
                    && base[root.count] == UInt8(ascii: "/")
                    && memcmp(base + root.count + 1, relative.baseAddress!, relative.count) == 0
            }
        } ?? false
    }
}
