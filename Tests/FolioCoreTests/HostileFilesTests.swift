import Foundation
import Testing
@testable import FolioCore

/// Files that fight back, beyond LibraryTests: each case ends with the other
/// articles loaded and the bad file reported, never a crash or a hang.
@Suite(.timeLimit(.minutes(2)))
struct HostileFilesTests {
    static let story = LibraryTests.story

    func reason(_ library: Library, _ path: String) -> String? { library.problems.first { $0.path == path }?.reason }

    @Test func linksToDevicesSocketsAndOddNames() throws {
        let temp = try TempFolder()
        try temp.write("good.txt", Self.story)
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/zero.txt", withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/a.md", withDestinationPath: "b.md")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/b.md", withDestinationPath: "a.md")
        try Self.makeSocket(at: temp.path + "/socket.html")
        // A PNG renamed .html: its header and NUL bytes make it binary.
        let pngHeader: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        try temp.write("photo.html", bytes: pngHeader + [UInt8](repeating: 0, count: 200))
        let nulHeavy: [UInt8] = (0..<4096).map { (i: Int) -> UInt8 in i % 3 == 0 ? 0 : UInt8(65 + i % 26) }
        try temp.write("nul-heavy.txt", bytes: nulHeavy)
        let utf16: [UInt8] = Self.story.utf16.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try temp.write("utf16.txt", bytes: [0xFF, 0xFE] + utf16)
        try temp.write("-rf.txt", Self.story)
        try temp.write("esc\u{1B}[31mred.txt", Self.story)
        try temp.write("rtl\u{202E}txt.md", "# Right to left\n\nA file name with a right-to-left override in it, which must not reorder the screen.\n")
        try temp.write("zero-bytes.md", "")

        let library = Library.load(temp.path)
        let titles = Set(library.articles.map(\.path))
        #expect(titles == ["good.txt", "utf16.txt", "-rf.txt", "esc\u{1B}[31mred.txt", "rtl\u{202E}txt.md"])
        #expect(reason(library, "zero.txt") == "symbolic link points outside the folder")
        #expect(reason(library, "a.md") == "symbolic link loop")
        #expect(reason(library, "b.md") == "symbolic link loop")
        #expect(reason(library, "socket.html") == "not a regular file")
        #expect(reason(library, "photo.html") == "binary file, not text")
        #expect(reason(library, "nul-heavy.txt") == "binary file, not text")
        #expect(reason(library, "zero-bytes.md") == "empty file")
        #expect(library.articles.first { $0.path == "utf16.txt" }?.title == "Harbour lights return")
    }

    @Test func aFileRemovedOrReplacedAfterListingIsReported() throws {
        let temp = try TempFolder()
        try temp.write("stays.txt", Self.story)
        try temp.write("removed.txt", Self.story)
        try temp.write("to-fifo.txt", Self.story)
        try temp.write("to-link.txt", Self.story)
        let scan = LibraryScanner.scan(temp.path)
        #expect(scan.entries.count == 4)
        try FileManager.default.removeItem(atPath: temp.path + "/removed.txt")
        try FileManager.default.removeItem(atPath: temp.path + "/to-fifo.txt")
        #expect(mkfifo(temp.path + "/to-fifo.txt", 0o644) == 0)
        try FileManager.default.removeItem(atPath: temp.path + "/to-link.txt")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/to-link.txt", withDestinationPath: "/dev/zero")

        let results = Dictionary(uniqueKeysWithValues: scan.entries.map { entry in
            (entry.path, ArticleLoader.load(entry.absolutePath, format: entry.format, displayName: entry.path))
        })
        #expect(results["stays.txt"].map { if case .success = $0 { return true } else { return false } } == true)
        #expect(results["removed.txt"]?.failureReason == "file not found")
        #expect(results["to-fifo.txt"]?.failureReason == "not a regular file")
        #expect(results["to-link.txt"]?.failureReason == "is a symbolic link")
    }

    @Test func aFileTruncatedWhileItIsReadNeverCrashes() throws {
        let temp = try TempFolder()
        let path = try temp.write("shrinking.txt", String(repeating: Self.story + "\n\n", count: 4000))
        let full = try Data(contentsOf: URL(fileURLWithPath: path))
        let done = Atomic()
        let writer = Thread {
            while !done.value {
                truncate(path, 10)
                try? full.write(to: URL(fileURLWithPath: path))
            }
        }
        writer.start()
        var outcomes = (loaded: 0, failed: 0)
        for _ in 0..<300 {
            switch ArticleLoader.load(path) {
            case .success: outcomes.loaded += 1
            case .failure: outcomes.failed += 1
            }
        }
        done.value = true
        #expect(outcomes.loaded + outcomes.failed == 300)
    }

    @Test func aFolderOfAHundredThousandFiles() throws {
        let temp = try TempFolder()
        // 100,000 entries: mostly files folio does not read, ten articles among them.
        for folder in 0..<20 { try temp.mkdir("f\(folder)") }
        for i in 0..<99_990 {
            let fd = open(temp.path + "/f\(i % 20)/image-\(i).jpg", O_WRONLY | O_CREAT, 0o644)
            if fd >= 0 { close(fd) }
        }
        for i in 0..<10 { try temp.write("f\(i)/story-\(i).txt", Self.story) }
        let library = Library.load(temp.path)
        #expect(library.articles.count == 10)
        #expect(library.problems.isEmpty)
    }

    @Test func aFileWithoutReadPermission() throws {
        guard getuid() != 0 else {
            // root reads everything; EndToEndTests checks this as the user nobody.
            return
        }
        let temp = try TempFolder()
        try temp.write("good.txt", Self.story)
        let secret = try temp.write("secret.txt", Self.story)
        chmod(secret, 0)
        let library = Library.load(temp.path)
        #expect(library.articles.map(\.path) == ["good.txt"])
        #expect(reason(library, "secret.txt") == "permission denied")
    }

    static func makeSocket(at path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.prefix(raw.count - 1).enumerated() { raw[i] = b }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}

/// A flag shared between threads.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool {
        get { lock.lock(); defer { lock.unlock() }; return flag }
        set { lock.lock(); flag = newValue; lock.unlock() }
    }
}
