import Foundation
import Testing
@testable import FolioCore

/// The folder watcher notices new, changed, renamed and removed article files
/// (within a second), in new folders too, ignores hidden ones, and lets go of
/// its file descriptors when stopped. Serialized: the descriptor count must
/// not see another test's watcher.
@Suite(.serialized) struct FolderWatcherTests {
    /// Polls until the watcher reports a change; false after `timeout`.
    func noticed(_ watcher: FolderWatcher, within timeout: TimeInterval = 1) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if watcher.takeChanges() { return true }
            usleep(5_000)
        }
        return watcher.takeChanges()
    }

    /// Waits until nothing more is reported for a while, then clears the flag,
    /// so a late part of one step is not taken for the next.
    func settle(_ watcher: FolderWatcher, quiet: TimeInterval = 0.3) {
        var last = Date()
        while Date().timeIntervalSince(last) < quiet {
            if watcher.takeChanges() { last = Date() }
            usleep(10_000)
        }
    }

    /// Polls for `duration` and returns whether anything was reported.
    func anythingReported(_ watcher: FolderWatcher, during duration: TimeInterval = 0.4) -> Bool {
        let deadline = Date().addingTimeInterval(duration)
        while Date() < deadline {
            if watcher.hasChanges { return true }
            usleep(10_000)
        }
        return watcher.hasChanges
    }

    func started(_ root: String, inotify: Bool = true) -> FolderWatcher {
        let watcher = FolderWatcher(root: root, quietTime: 0.05, rescanInterval: 0.1, useInotify: inotify)
        watcher.start()
        #expect(watcher.waitUntilReady(timeout: 5))
        return watcher
    }

    /// Open inotify descriptors of this process.
    func inotifyDescriptors() -> Int {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) == "anon_inode:inotify" }.count
    }

    func append(_ path: String, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    func createModifyRenameDelete(inotify: Bool) throws {
        let library = try TempFolder()
        try library.write("old.txt", "An old story\n\nIt was here first.\n")
        let watcher = started(library.path, inotify: inotify)
        defer { watcher.stop() }
        #expect(watcher.mode == (inotify ? .inotify : .rescan))
        #expect(!watcher.hasChanges)

        let path = try library.write("new.txt", "A new story\n\nBody.\n")
        #expect(noticed(watcher), "create")
        settle(watcher)

        try append(path, "More body.\n")
        #expect(noticed(watcher), "modify")
        settle(watcher)

        try FileManager.default.moveItem(atPath: path, toPath: library.path + "/renamed.md")
        #expect(noticed(watcher), "rename")
        settle(watcher)

        try FileManager.default.removeItem(atPath: library.path + "/old.txt")
        #expect(noticed(watcher), "delete")
        settle(watcher)

        try library.mkdir("2026/march")
        #expect(noticed(watcher), "new folders")
        settle(watcher)
        try library.write("2026/march/deep.html", "<title>Deep</title><p>Text</p>")
        #expect(noticed(watcher), "a file in a new folder")
        settle(watcher)
        try append(library.path + "/2026/march/deep.html", "<p>More</p>")
        #expect(noticed(watcher), "a change in a new folder")
        settle(watcher)

        #expect(!watcher.takeChanges())
    }

    @Test func noticesCreateModifyRenameAndDeleteWithInotify() throws {
        try createModifyRenameDelete(inotify: true)
    }

    @Test func noticesTheSameByRescanning() throws {
        try createModifyRenameDelete(inotify: false)
    }

    @Test func foldersMovedInAndRenamedAreWatched() throws {
        let library = try TempFolder()
        let outside = try TempFolder()
        try library.mkdir("a")
        let watcher = started(library.path)
        defer { watcher.stop() }

        // A folder moved in from outside, with a file already in it.
        try outside.write("batch/one.txt", "One\n\nText.\n")
        try FileManager.default.moveItem(atPath: outside.path + "/batch", toPath: library.path + "/batch")
        #expect(noticed(watcher), "folder moved in")
        settle(watcher)
        try library.write("batch/two.txt", "Two\n\nText.\n")
        #expect(noticed(watcher), "file in the moved-in folder")
        settle(watcher)

        // A folder renamed: files in it are still watched under the new name.
        try FileManager.default.moveItem(atPath: library.path + "/a", toPath: library.path + "/b")
        #expect(noticed(watcher), "folder renamed")
        settle(watcher)
        try library.write("b/three.txt", "Three\n\nText.\n")
        #expect(noticed(watcher), "file in the renamed folder")
        settle(watcher)

        // A folder moved out and removed.
        try FileManager.default.moveItem(atPath: library.path + "/batch", toPath: outside.path + "/gone")
        #expect(noticed(watcher), "folder moved out")
        settle(watcher)
        try outside.write("gone/four.txt", "Four\n\nText.\n")
        #expect(!anythingReported(watcher), "a file in a folder that left the library")
        try FileManager.default.removeItem(atPath: library.path + "/b")
        #expect(noticed(watcher), "folder deleted")
        #expect(watcher.mode == .inotify)
    }

    @Test func hiddenAndOtherFilesAreIgnored() throws {
        let library = try TempFolder()
        try library.write("story.txt", "Story\n\nText.\n")
        let watcher = started(library.path)
        defer { watcher.stop() }

        try library.write(".hidden.txt", "Hidden\n")
        try library.write(".git/objects/x.txt", "Not an article\n")
        try library.write(".git/HEAD", "ref: refs/heads/main\n")
        try library.write("notes.pdf", "%PDF-1.4\n")
        try library.write("story.txt.swp", "swap\n")
        try FileManager.default.moveItem(atPath: library.path + "/.hidden.txt", toPath: library.path + "/.hidden2.txt")
        #expect(!anythingReported(watcher), "hidden or non-article files")
        #expect(!watcher.takeChanges())

        // Still watching: a visible article is noticed (also one renamed from a hidden name).
        try FileManager.default.moveItem(atPath: library.path + "/.hidden2.txt", toPath: library.path + "/visible.txt")
        #expect(noticed(watcher), "renamed from hidden to visible")
    }

    @Test func aBurstIsReportedOnce() throws {
        let library = try TempFolder()
        let watcher = FolderWatcher(root: library.path, quietTime: 0.2, maximumDelay: 5)
        watcher.start()
        #expect(watcher.waitUntilReady(timeout: 5))
        defer { watcher.stop() }
        for i in 0..<100 { try library.write("burst/\(i).txt", "Story \(i)\n\nText.\n") }
        #expect(noticed(watcher, within: 2))
        #expect(!anythingReported(watcher, during: 0.5))
    }

    @Test func onChangeIsCalledWhenChangesArrive() throws {
        let library = try TempFolder()
        let watcher = FolderWatcher(root: library.path, quietTime: 0.05)
        let calls = CallCounter()
        watcher.onChange = { calls.increment() }
        watcher.start()
        #expect(watcher.waitUntilReady(timeout: 5))
        defer { watcher.stop() }
        try library.write("a.txt", "A\n\nText.\n")
        #expect(noticed(watcher))
        #expect(calls.value >= 1)
    }

    @Test func stopReleasesTheDescriptorAndEndsReports() throws {
        let library = try TempFolder()
        try library.mkdir("one/two")
        let before = inotifyDescriptors()
        let watcher = started(library.path)
        #expect(watcher.mode == .inotify)
        #expect(watcher.watchCount == 3)
        #expect(inotifyDescriptors() == before + 1)
        watcher.stop()
        #expect(inotifyDescriptors() == before)
        #expect(watcher.mode == .stopped)
        try library.write("late.txt", "Late\n\nText.\n")
        #expect(!anythingReported(watcher, during: 0.3))
        watcher.stop()  // twice is fine

        // Started again, it works again; releasing it stops it.
        watcher.start()
        #expect(watcher.waitUntilReady(timeout: 5))
        try library.write("again.txt", "Again\n\nText.\n")
        #expect(noticed(watcher))
        do {
            let another = started(library.path)
            #expect(inotifyDescriptors() == before + 2)
            _ = another
        }
        #expect(inotifyDescriptors() == before + 1)
        watcher.stop()
        #expect(inotifyDescriptors() == before)
    }

    @Test func aMissingOrDeletedLibraryFallsBackToRescanning() throws {
        let parent = try TempFolder()
        let root = parent.path + "/library"
        let watcher = started(root)
        defer { watcher.stop() }
        #expect(watcher.mode == .rescan)
        try parent.write("library/first.txt", "First\n\nText.\n")
        #expect(noticed(watcher), "the folder appeared with a file")
        // Once the folder is there, inotify takes over.
        let deadline = Date().addingTimeInterval(2)
        while watcher.mode != .inotify && Date() < deadline { usleep(5_000) }
        #expect(watcher.mode == .inotify)
        settle(watcher)
        try parent.write("library/second.txt", "Second\n\nText.\n")
        #expect(noticed(watcher), "a file after inotify took over")
        watcher.stop()

        let again = started(root)
        defer { again.stop() }
        #expect(again.mode == .inotify)
        try FileManager.default.removeItem(atPath: root)
        #expect(noticed(again), "the library folder deleted")
        #expect(again.mode == .rescan)
    }

    @Test func theRescanListingSeesWhatTheScannerSees() throws {
        let library = try TempFolder()
        try library.write("a.txt", "A")
        try library.write("sub/b.md", "B")
        try library.write(".hidden/c.txt", "C")
        try library.write("d.pdf", "D")
        let files = FolderListing.list(library.path).keys.filter { !$0.hasSuffix("/") }
        #expect(Set(files) == Set(LibraryScanner.scan(library.path).entries.map(\.path)))
        #expect(Set(FolderListing.list(library.path).keys) == ["a.txt", "sub/", "sub/b.md"])
    }
}

/// Thread-safe counter for callbacks.
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
