import Foundation
import Testing
@testable import FolioCore

/// The freedesktop.org trash: files moved (never unlinked) with a .trashinfo
/// written first, clashes given other names, restore refusing to overwrite,
/// and files on another file system sent to that mount's own trash, or copied.
@Suite(.serialized)
struct TrashTests {
    let temp: TempFolder
    let home: String
    var environment: Environment { ["XDG_DATA_HOME": home + "/data", "HOME": home] }
    var trash: String { home + "/data/Trash" }

    init() throws {
        temp = try TempFolder()
        home = temp.path + "/home"
        try temp.mkdir("home")
    }

    func contents(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    func exists(_ path: String) -> Bool { FileSystemCalls.lstatus(path) != nil }

    /// `Trash.move` into the test's home trash, failing the test if it ever looks
    /// for another mount's trash (which could make one at the top of a real disk).
    func move(_ path: String, environment: Environment? = nil) throws(TrashError) -> TrashedItem {
        try Trash.move(path, environment: environment ?? self.environment, uid: getuid(), now: Date(), timeZone: .current,
                       mountPoint: { path in Issue.record("looked for the mount point of \(path)"); return nil })
    }

    // MARK: - Home trash

    @Test func movesAFileIntoTheHomeTrashWithItsTrashInfo() throws {
        let article = try temp.write("articles/harbour.txt", "Ferries plug in\n")
        let item = try Trash.move(article, environment: environment)

        #expect(item == TrashedItem(originalPath: article, trashedPath: trash + "/files/harbour.txt",
                                    infoPath: trash + "/info/harbour.txt.trashinfo", copied: false))
        #expect(!exists(article))
        #expect(contents(trash + "/files") == ["harbour.txt"])
        #expect(contents(trash + "/info") == ["harbour.txt.trashinfo"])
        #expect(text(item.trashedPath) == "Ferries plug in\n")
        let info = try #require(text(item.infoPath))
        let lines = info.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines[3].isEmpty)
        #expect(lines[0] == "[Trash Info]")
        #expect(lines[1] == "Path=\(article)")
        #expect(lines[2].wholeMatch(of: #/DeletionDate=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/#) != nil, "\(lines[2])")
        // The trash folders are private to the user.
        for folder in [trash, trash + "/files", trash + "/info"] {
            #expect(try #require(FileSystemCalls.lstatus(folder)).st_mode & 0o777 == 0o700, "\(folder)")
        }
    }

    @Test func trashInfoTextHasTheDeletionDateInLocalTime() {
        let date = utc(2026, 11, 29, 22, 5, 9)
        #expect(TrashInfo.text(originalPath: "/home/ana/a.txt", deletedAt: date, timeZone: TimeZone(identifier: "UTC")!)
                == "[Trash Info]\nPath=/home/ana/a.txt\nDeletionDate=2026-11-29T22:05:09\n")
        // Local time, not UTC: Tokyo is nine hours ahead, across midnight.
        #expect(TrashInfo.deletionDate(date, timeZone: TimeZone(identifier: "Asia/Tokyo")!) == "2026-11-30T07:05:09")
    }

    @Test func pathIsPercentEncodedKeepingSlashes() throws {
        let article = try temp.write("saved articles/Café 100% sure – 東京.txt", "x")
        let item = try move(article)
        let info = try #require(text(item.infoPath))
        let expected = temp.path + "/saved%20articles/Caf%C3%A9%20100%25%20sure%20%E2%80%93%20%E6%9D%B1%E4%BA%AC.txt"
        #expect(info.contains("\nPath=\(expected)\n"), "\(info)")
        #expect(TrashInfo.decode(path: expected) == article)
        // The trashed file keeps its own name.
        #expect(item.trashedPath == trash + "/files/Café 100% sure – 東京.txt")
        #expect(contents(trash + "/files") == ["Café 100% sure – 東京.txt"])
    }

    @Test func encodingEscapesEverythingButUnreservedCharacters() {
        #expect(TrashInfo.encode(path: "/a-b_c.d!~*'()/e f+g&h=i;j#k?l") == "/a-b_c.d!~*'()/e%20f%2Bg%26h%3Di%3Bj%23k%3Fl")
        // A byte that is not UTF-8 (carried by PathCoding) is written as that byte.
        let undecodable = [UInt8]("/tmp/caf".utf8) + [0xE9] + [UInt8](".txt".utf8)
        let path = undecodable.withUnsafeBufferPointer { PathCoding.decode($0) }
        #expect(TrashInfo.encode(path: path) == "/tmp/caf%E9.txt")
        #expect(TrashInfo.decode(path: "/tmp/caf%E9.txt") == path)
        #expect(TrashInfo.decode(path: "/bad%2") == nil)
    }

    @Test func nameClashesGetNumberedNames() throws {
        var items: [TrashedItem] = []
        for folder in ["one", "two", "three"] {
            items.append(try move(try temp.write("\(folder)/report.txt", folder)))
        }
        items.append(try move(try temp.write("one/notes", "n1")))
        items.append(try move(try temp.write("two/notes", "n2")))
        items.append(try move(try temp.write("one/.hidden", "h1")))
        items.append(try move(try temp.write("two/.hidden", "h2")))

        #expect(items.map { ($0.trashedPath as NSString).lastPathComponent }
                == ["report.txt", "report.2.txt", "report.3.txt", "notes", "notes.2", ".hidden", ".hidden.2"])
        #expect(contents(trash + "/info") == [".hidden.2.trashinfo", ".hidden.trashinfo", "notes.2.trashinfo", "notes.trashinfo",
                                              "report.2.txt.trashinfo", "report.3.txt.trashinfo", "report.txt.trashinfo"])
        #expect(text(trash + "/files/report.2.txt") == "two")
        #expect(text(trash + "/info/report.3.txt.trashinfo")?.contains("Path=\(temp.path)/three/report.txt\n") == true)
        // Each goes back where it came from.
        for item in items.reversed() { try Trash.restore(item) }
        #expect(text(temp.path + "/two/report.txt") == "two")
        #expect(text(temp.path + "/one/notes") == "n1")
        #expect(contents(trash + "/files").isEmpty && contents(trash + "/info").isEmpty)
    }

    @Test func aFileLeftInTheTrashWithoutItsInfoKeepsItsName() throws {
        try FileManager.default.createDirectory(atPath: trash + "/files", withIntermediateDirectories: true)
        try Data("orphan".utf8).write(to: URL(fileURLWithPath: trash + "/files/a.txt"))
        let item = try move(try temp.write("a.txt", "mine"))
        #expect(item.trashedPath == trash + "/files/a.2.txt")
        #expect(text(trash + "/files/a.txt") == "orphan")
        #expect(contents(trash + "/info") == ["a.2.txt.trashinfo"])
    }

    @Test func longNamesAreShortenedSoTheTrashInfoNameFits() {
        let long = String(repeating: "é", count: 140) + ".txt"  // 284 bytes
        let first = TrashInfo.candidateName(long, attempt: 1)
        let second = TrashInfo.candidateName(long, attempt: 2)
        #expect(PathCoding.encode(first + ".trashinfo").count <= 255)
        #expect(PathCoding.encode(second + ".trashinfo").count <= 255)
        #expect(first.hasSuffix("é.txt") && second.hasSuffix("é.2.txt"))
        #expect(TrashInfo.candidateName("short.md", attempt: 12) == "short.12.md")
    }

    @Test func restorePutsTheFileBackAndRemovesItsInfo() throws {
        let article = try temp.write("articles/a.md", "# Title\n")
        let item = try move(article)
        try Trash.restore(item)
        #expect(text(article) == "# Title\n")
        #expect(!exists(item.trashedPath) && !exists(item.infoPath))
        // Restoring twice: it is no longer in the trash.
        #expect(throws: TrashError.notInTrash(item: item)) { try Trash.restore(item) }
    }

    @Test func restoreRecreatesAMissingFolder() throws {
        let article = try temp.write("gone/deeper/a.txt", "a")
        let item = try move(article)
        try FileManager.default.removeItem(atPath: temp.path + "/gone")
        try Trash.restore(item)
        #expect(text(article) == "a")
    }

    @Test func restoreRefusesWhenTheOriginalPathIsTaken() throws {
        let article = try temp.write("a.txt", "old")
        let item = try move(article)
        try temp.write("a.txt", "new")
        let error = #expect(throws: TrashError.originalPathTaken(path: article)) { try Trash.restore(item) }
        #expect(error?.description.contains("something else is there now") == true)
        // Nothing was overwritten or lost.
        #expect(text(article) == "new")
        #expect(text(item.trashedPath) == "old")
        #expect(exists(item.infoPath))
        // Once the path is free again, restore works.
        try FileManager.default.removeItem(atPath: article)
        try Trash.restore(item)
        #expect(text(article) == "old")
    }

    @Test func aMissingFileIsReported() throws {
        let missing = temp.path + "/nope.txt"
        let error = #expect(throws: TrashError.notFound(path: missing)) { try move(missing) }
        #expect(error?.description == "\(missing): no such file; nothing was moved to the trash")
        #expect(throws: TrashError.notFound(path: temp.path + "/no-folder/x.txt")) {
            try move(temp.path + "/no-folder/x.txt")
        }
        #expect(contents(trash + "/files").isEmpty && contents(trash + "/info").isEmpty)
    }

    @Test func aFolderIsRefused() throws {
        try temp.write("folder/inside.txt", "x")
        let error = #expect(throws: TrashError.notAFile(path: temp.path + "/folder", kind: "a folder")) {
            try move(temp.path + "/folder/")
        }
        #expect(error?.description.contains("folio only moves article files to the trash") == true)
        #expect(exists(temp.path + "/folder/inside.txt"))
        #expect(contents(trash + "/info").isEmpty)
    }

    @Test func aFIFOIsRefused() throws {
        let fifo = temp.path + "/pipe"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: TrashError.notAFile(path: fifo, kind: "a FIFO")) { try move(fifo) }
    }

    @Test func aSymbolicLinkIsTrashedItselfNotItsTarget() throws {
        let target = try temp.write("real.txt", "real")
        #expect(symlink(target, temp.path + "/link.txt") == 0)
        let item = try move(temp.path + "/link.txt")
        #expect(text(target) == "real")
        #expect(FileSystemCalls.lstatus(item.trashedPath).map(FileSystemCalls.isSymlink) == true)
        #expect(text(item.infoPath)?.contains("Path=\(temp.path)/link.txt\n") == true)
    }

    @Test func aRelativePathIsRecordedAbsolute() throws {
        try temp.write("rel/a.txt", "a")
        // Relative to the current folder, which tests must not change: up to / and down again.
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = String(repeating: "../", count: depth) + temp.path.dropFirst() + "/rel/./a.txt"
        let item = try move(relative)
        #expect(item.originalPath == temp.path + "/rel/a.txt")
        #expect(text(item.infoPath)?.contains("Path=\(temp.path)/rel/a.txt\n") == true)
    }

    @Test func homeTrashFollowsXDGDataHome() {
        #expect(TrashDirectories.homeTrash(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/h"]) == "/x/data/Trash")
        #expect(TrashDirectories.homeTrash(environment: ["XDG_DATA_HOME": "", "HOME": "/h"]) == "/h/.local/share/Trash")
        // A relative XDG_DATA_HOME is invalid and ignored.
        #expect(TrashDirectories.homeTrash(environment: ["XDG_DATA_HOME": "data", "HOME": "/h"]) == "/h/.local/share/Trash")
    }

    @Test func anUnusableHomeTrashLeavesTheFileAlone() throws {
        let article = try temp.write("a.txt", "a")
        try temp.write("blocker", "a file where the data folder should be")
        let error = #expect(throws: TrashError.self) {
            try move(article, environment: ["XDG_DATA_HOME": temp.path + "/blocker/data"])
        }
        #expect(error?.description.contains("cannot create the trash folder") == true, "\(String(describing: error))")
        #expect(text(article) == "a")
    }

    // MARK: - Trash folders at the top of other mounts

    @Test func topdirTrashUsesTheSharedTrashWhenItHasTheStickyBit() throws {
        let topdir = temp.path + "/mount"
        try temp.mkdir("mount/.Trash")
        #expect(chmod(topdir + "/.Trash", 0o1777) == 0)
        let (directory, notes) = TrashDirectories.topdirTrash(topdir: topdir, uid: getuid())
        #expect(directory == topdir + "/.Trash/\(getuid())")
        #expect(notes.isEmpty)
        #expect(contents(topdir + "/.Trash/\(getuid())") == ["files", "info"])
        #expect(!exists(topdir + "/.Trash-\(getuid())"))
    }

    @Test(arguments: ["no sticky bit", "symbolic link", "regular file"])
    func topdirTrashFallsBackToItsOwnFolder(_ problem: String) throws {
        let topdir = temp.path + "/mount"
        try temp.mkdir("mount/elsewhere")
        switch problem {
        case "no sticky bit": try temp.mkdir("mount/.Trash"); #expect(chmod(topdir + "/.Trash", 0o777) == 0)
        case "symbolic link": #expect(symlink(topdir + "/elsewhere", topdir + "/.Trash") == 0); #expect(chmod(topdir + "/elsewhere", 0o1777) == 0)
        default: try temp.write("mount/.Trash", "")
        }
        let uid = getuid()
        let (directory, notes) = TrashDirectories.topdirTrash(topdir: topdir, uid: uid)
        #expect(directory == topdir + "/.Trash-\(uid)")
        #expect(notes.count == 1, "\(notes)")
        let info = try #require(FileSystemCalls.lstatus(topdir + "/.Trash-\(uid)"))
        #expect(info.st_mode & 0o7777 == 0o700)
        #expect(contents(topdir + "/.Trash-\(uid)") == ["files", "info"])
        #expect(contents(topdir + "/elsewhere").isEmpty)  // nothing made through the link
    }

    @Test func topdirTrashOfAnotherUserIsNotUsed() throws {
        let topdir = temp.path + "/mount"
        let other = getuid() + 4242
        try temp.mkdir("mount/.Trash-\(other)")  // owned by us, not by `other`
        let (directory, notes) = TrashDirectories.topdirTrash(topdir: topdir, uid: other)
        #expect(directory == nil)
        #expect(notes.contains { $0.contains("belongs to another user") }, "\(notes)")
        #expect(contents(topdir + "/.Trash-\(other)").isEmpty)
    }

    @Test func mountPointIsTheTopFolderOfTheFileSystem() throws {
        let file = try temp.write("deep/er/a.txt", "a")
        let top = try #require(TrashDirectories.mountPoint(of: file))
        let device = try #require(FileSystemCalls.status(file)).st_dev
        #expect(file.hasPrefix(top == "/" ? "/" : top + "/"))
        #expect(FileSystemCalls.status(top)?.st_dev == device)
        if top != "/" {
            #expect(FileSystemCalls.status((top as NSString).deletingLastPathComponent)?.st_dev != device)
        }
    }

    // MARK: - Another file system (/dev/shm is a tmpfs of its own on most Linux systems)

    /// A folder on a file system other than the temp folder's, when there is one.
    static let otherDevice: String? = {
        guard let shm = FileSystemCalls.status("/dev/shm"), access("/dev/shm", W_OK) == 0,
              let tmp = FileSystemCalls.status(NSTemporaryDirectory()), shm.st_dev != tmp.st_dev else { return nil }
        return "/dev/shm"
    }()

    final class OtherDeviceFolder {
        let path: String
        init() throws {
            var template = Array((TrashTests.otherDevice! + "/folio-trashtests-XXXXXX").utf8CString)
            guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
            path = String(cString: made)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test(.enabled(if: otherDevice != nil, "no second writable file system (/dev/shm) to cross to"))
    func mountPointFindsTheOtherFileSystem() throws {
        let other = try OtherDeviceFolder()
        #expect(TrashDirectories.mountPoint(of: other.path + "/a.txt") == "/dev/shm")
    }

    @Test(.enabled(if: otherDevice != nil, "no second writable file system (/dev/shm) to cross to"))
    func aFileOnAnotherFileSystemGoesToThatMountsTrash() throws {
        let other = try OtherDeviceFolder()
        let article = other.path + "/articles/a b.txt"
        try FileManager.default.createDirectory(atPath: other.path + "/articles", withIntermediateDirectories: true)
        try Data("far away".utf8).write(to: URL(fileURLWithPath: article))
        // The folder stands in for the mount point, so nothing is made in /dev/shm itself.
        let item = try Trash.move(article, environment: environment, uid: getuid(), now: Date(), timeZone: .current,
                                  mountPoint: { _ in other.path })
        let ownTrash = other.path + "/.Trash-\(getuid())"
        #expect(item == TrashedItem(originalPath: article, trashedPath: ownTrash + "/files/a b.txt",
                                    infoPath: ownTrash + "/info/a b.txt.trashinfo", copied: false))
        #expect(!exists(article))
        #expect(text(item.trashedPath) == "far away")
        #expect(text(item.infoPath)?.contains("\nPath=\(other.path)/articles/a%20b.txt\n") == true)
        #expect(FileSystemCalls.lstatus(ownTrash).map { $0.st_mode & 0o777 } == 0o700)
        #expect(contents(trash + "/files").isEmpty)  // not the home trash
        try Trash.restore(item)
        #expect(text(article) == "far away")
        #expect(contents(ownTrash + "/info").isEmpty)
    }

    @Test(.enabled(if: otherDevice != nil, "no second writable file system (/dev/shm) to cross to"))
    func withoutAMountTrashTheFileIsCopiedToTheHomeTrashThenRemoved() throws {
        let other = try OtherDeviceFolder()
        let article = other.path + "/a.txt"
        try Data("copied across".utf8).write(to: URL(fileURLWithPath: article))
        #expect(chmod(article, 0o640) == 0)
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, article, &times, 0) == 0)
        // No mount point found: the last resort.
        let item = try Trash.move(article, environment: environment, uid: getuid(), now: Date(), timeZone: .current, mountPoint: { _ in nil })
        #expect(item.copied)
        #expect(item.trashedPath == trash + "/files/a.txt")
        #expect(!exists(article))
        #expect(text(item.trashedPath) == "copied across")
        let copy = try #require(FileSystemCalls.lstatus(item.trashedPath))
        #expect(copy.st_mode & 0o777 == 0o640)
        #expect(copy.st_mtim.tv_sec == 1_700_000_000)
        #expect(text(item.infoPath)?.contains("\nPath=\(article)\n") == true)
        // Back across the devices.
        try Trash.restore(item)
        #expect(text(article) == "copied across")
        #expect(!exists(item.trashedPath) && !exists(item.infoPath))
    }

    @Test(.enabled(if: otherDevice != nil, "no second writable file system (/dev/shm) to cross to"))
    func aMountTrashOnTheWrongDeviceIsPassedOverForACopy() throws {
        let other = try OtherDeviceFolder()
        let article = other.path + "/a.txt"
        try Data("x".utf8).write(to: URL(fileURLWithPath: article))
        // A "mount point" on the home trash's device: renaming there would cross devices.
        let item = try Trash.move(article, environment: environment, uid: getuid(), now: Date(), timeZone: .current,
                                  mountPoint: { _ in self.temp.path })
        #expect(item.copied)
        #expect(item.trashDirectory == trash)
        #expect(!exists(article))
    }
}
