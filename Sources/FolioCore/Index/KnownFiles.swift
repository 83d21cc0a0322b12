import Foundation

/// The files the index knows for a folder, found by path as the walk meets them.
///
/// The index lists them in byte order of path, and the walk gives a folder's
/// files in that order too, so the file after the last one found is tried
/// first, then a binary search. A dictionary by path is built only when the
/// list is not in that order, or a path is not ASCII (where two different
/// byte strings can be equal Strings, and only the dictionary finds as `==` does).
struct KnownFiles {
    let files: [IndexedFile]
    /// Every path is ASCII and each is greater, byte by byte, than the one before.
    let isSortedASCII: Bool
    private var byPath: [String: Int]?
    /// Where the next path is looked for first.
    private var next = 0

    init(_ files: [IndexedFile]) {
        self.files = files
        var sorted = true
        files.withUnsafeBufferPointer { files in
            for i in files.indices {
                guard ASCIINames.isASCII(files[i].path), i == 0 || ASCIINames.compareBytes(files[i - 1].path, files[i].path) ?? 0 < 0 else {
                    sorted = false
                    break
                }
            }
        }
        isSortedASCII = sorted
    }

    /// The position in `files` of the file at `path`, as a dictionary from
    /// path to position (the last one of equal paths) would give it.
    mutating func position(of path: String) -> Int? {
        guard isSortedASCII else { return dictionary()[path] }
        if next < files.count, files[next].path == path {
            next += 1
            return next - 1
        }
        // Byte-equal paths are equal Strings, and among ASCII paths the only ones.
        var low = 0, high = files.count
        while low < high {
            let middle = (low + high) / 2
            guard let order = ASCIINames.compareBytes(files[middle].path, path) else { return dictionary()[path] }
            if order == 0 {
                next = middle + 1
                return middle
            }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        // Not byte-equal to any: a path that is not ASCII may still equal one as a String.
        return ASCIINames.isASCII(path) ? nil : dictionary()[path]
    }

    /// `position(of:)` for the path with these bytes, in a list that `isSortedASCII`;
    /// nil also when that is not known without the String (the caller then asks `position(of:)`).
    mutating func position(ofBytes path: UnsafeBufferPointer<UInt8>) -> Int? {
        guard isSortedASCII else { return nil }
        // (Byte-equal paths are equal Strings, and in a list sorted by bytes the only byte-equal one.)
        if next < files.count, Self.compare(files[next].path, path) == 0 {
            next += 1
            return next - 1
        }
        var low = 0, high = files.count
        while low < high {
            let middle = (low + high) / 2
            guard let order = Self.compare(files[middle].path, path) else { return nil }
            if order == 0 {
                next = middle + 1
                return middle
            }
            if order < 0 { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// memcmp order of a path's UTF-8 and some bytes (a prefix first).
    @inline(__always)
    private static func compare(_ a: String, _ b: UnsafeBufferPointer<UInt8>) -> Int? {
        a.utf8.withContiguousStorageIfAvailable { x -> Int in
            let common = min(x.count, b.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, b.baseAddress!, common)
            return order != 0 ? Int(order) : x.count - b.count
        }
    }

    /// Whether two files share a path (possible only in a list not sorted by bytes).
    var hasEqualPaths: Bool {
        mutating get { !isSortedASCII && dictionary().count != files.count }
    }

    private mutating func dictionary() -> [String: Int] {
        if let byPath { return byPath }
        var built: [String: Int] = [:]
        built.reserveCapacity(files.count)
        for (i, file) in files.enumerated() { built[file.path] = i }
        byPath = built
        return built
    }
}
