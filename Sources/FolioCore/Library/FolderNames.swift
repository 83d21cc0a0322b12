import Foundation

/// The names of one folder as the walk reads them: back to back as bytes, each
/// ended by a NUL (so fstatat takes it as it is), sorted and stat'ed without a
/// String for each. One value is reused from folder to folder.
struct FolderNames {
    /// The names, each followed by a NUL byte.
    private(set) var bytes: [UInt8] = []
    /// Where each name starts in `bytes`, in the order readdir gave them.
    private(set) var starts: [Int] = []
    /// Every name is ASCII (hidden ones included, as the String walk counted them).
    private(set) var allASCII = true
    /// Positions in `starts`, in byte order of name (after `sortByBytes`).
    private(set) var order: [Int] = []
    /// What fstatat said of each name in `order` (nil: it vanished).
    private(set) var info: [Info?] = []

    struct Info {
        var mode: mode_t
        var size: Int
        var modifiedNanoseconds: Int64
    }

    /// Folders with at least this many names are stat'ed on two threads.
    static let parallelStats = 256

    /// Reads the names of `dir`, leaving out hidden ASCII names (and . and ..).
    /// A name that is not ASCII is kept whatever it starts with: it is decoded
    /// and judged as a String (see `decodedVisible`).
    mutating func read(_ dir: OpaquePointer) {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        order.removeAll(keepingCapacity: true)
        info.removeAll(keepingCapacity: true)
        allASCII = true
        while let entry = readdir(dir) {
            withUnsafeMutablePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: field.pointee)) { start in
                    let name = UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)))
                    let ascii = ASCIINames.isASCII(name)
                    if !ascii { allASCII = false }
                    if ascii && start[0] == UInt8(ascii: ".") { return }
                    starts.append(bytes.count)
                    // (With its NUL.)
                    bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: name.count + 1))
                }
            }
        }
    }

    var count: Int { starts.count }

    /// The length of name `n` (without its NUL).
    @inline(__always)
    func length(_ n: Int) -> Int {
        (n + 1 < starts.count ? starts[n + 1] : bytes.count) - starts[n] - 1
    }

    /// Calls `body` with the bytes of name `n`.
    @inline(__always)
    func withName<T>(_ n: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(start: all.baseAddress! + starts[n], count: length(n)))
        }
    }

    /// The visible names as Strings, as the walk makes them of names that are not all ASCII.
    func decodedVisible() -> [String] {
        (0..<count).compactMap { n in
            let name = withName(n) { ASCIINames.isASCII($0) ? String(decoding: $0, as: UTF8.self) : PathCoding.decode($0) }
            return name.hasPrefix(".") ? nil : name
        }
    }

    /// Orders the names by their bytes (memcmp order, a prefix first): the
    /// order of `sorted()` on their Strings when every name is ASCII.
    mutating func sortByBytes() {
        guard count > 0 else { return }
        var keyed: [(key: (UInt64, UInt64), name: Int)] = []
        keyed.reserveCapacity(count)
        bytes.withUnsafeBufferPointer { all in
            let base = all.baseAddress!
            for n in 0..<count {
                let (start, length) = (base + starts[n], length(n))
                keyed.append(((Self.key(start, length), length > 8 ? Self.key(start + 8, length - 8) : 0), n))
            }
            keyed.sort { a, b in
                if a.key != b.key { return a.key < b.key }
                // Equal first 16 bytes: the rest decides (names hold no NUL, so a name
                // of 16 bytes or fewer is whole in its key).
                let (la, lb) = (length(a.name), length(b.name))
                guard la > 16 && lb > 16 else { return la < lb }
                let common = min(la, lb) - 16
                let order = memcmp(base + starts[a.name] + 16, base + starts[b.name] + 16, common)
                return order != 0 ? order < 0 : la < lb
            }
        }
        order = keyed.map(\.name)
    }

    /// The first 8 bytes (of `length`), big-endian, zeros after a shorter name.
    @inline(__always)
    static func key(_ start: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        if length >= 8 { return UInt64(bigEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self)) }
        var key: UInt64 = 0
        for i in 0..<8 {
            key = key << 8 | UInt64(i < length ? start[i] : 0)
        }
        return key
    }

    /// Stats every name in `order` relative to the folder `fd`, without following
    /// a symlink; a large folder's names are split between two threads when `parallel`.
    mutating func stat(in fd: Int32, parallel: Bool = true) {
        let count = order.count
        info = [Info?](repeating: nil, count: count)
        guard count > 0 else { return }
        bytes.withUnsafeBufferPointer { all in
            order.withUnsafeBufferPointer { order in
                info.withUnsafeMutableBufferPointer { info in
                    let (names, starts, results) = (all.baseAddress!, self.starts, info.baseAddress!)
                    let stat = { (range: Range<Int>) in
                        var status = Glibc.stat()
                        for k in range {
                            let name = UnsafeRawPointer(names + starts[order[k]]).assumingMemoryBound(to: CChar.self)
                            guard fstatat(fd, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                            results[k] = Info(mode: status.st_mode, size: Int(status.st_size),
                                              modifiedNanoseconds: LibraryScanner.nanoseconds(status))
                        }
                    }
                    if parallel && count >= Self.parallelStats {
                        let half = count / 2
                        DispatchQueue.concurrentPerform(iterations: 2) { part in
                            stat(part == 0 ? 0..<half : half..<count)
                        }
                    } else {
                        stat(0..<count)
                    }
                }
            }
        }
    }
}
