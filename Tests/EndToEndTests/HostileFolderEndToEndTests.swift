import Foundation
import Testing

/// A folder saved from anywhere, opened in a real terminal: hostile text and
/// hostile files never reach the terminal, never stop folio, and the other
/// articles read normally.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed; end-to-end tests skipped"), .serialized)
struct HostileFolderEndToEndTests {
    let root: URL
    let library: URL
    let state: String

    /// Text that tries to talk to the terminal: clipboard writes (OSC 52), a title
    /// set followed by a title report request, an unterminated OSC 8 link, screen
    /// clears, the alternate screen, a DCS query, raw and UTF-8-encoded C1 CSI,
    /// carriage-return overwrite, backspace overstrike, bidi overrides.
    static let hostileTitle = "Evil \u{1B}]0;PWNED-TITLE\u{07}\u{1B}[21t headline \u{202E}desrever"
    static let hostileBody: [UInt8] = Array("""
        This paragraph is long enough to be the article's body and carries attacks. \u{1B}]52;c;Q0xJUEJPQVJELVBXTkVE\u{07} \
        Then \u{1B}]8;;https://evil.example/unterminated a link that never closes. Then \u{1B}[2J\u{1B}[H a clear, \
        \u{1B}[?1049h the alternate screen, \u{1B}P$q m\u{1B}\\ a DCS query, fake\rreal overwrite, and x\u{08}\u{08}hidden.
        """.utf8) + [0x9B] + Array("31m raw C1 CSI and ".utf8) + [0xC2, 0x9B] + Array("32m encoded C1 CSI end of the attack paragraph.\n".utf8)

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-hostile-\(UUID().uuidString)")
        library = root.appendingPathComponent("library")
        state = root.appendingPathComponent("state.sqlite").path
        let fm = FileManager.default
        try fm.createDirectory(at: library.appendingPathComponent("x.md"), withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws {
            let ok = PathBytes.create(library.path, name, bytes)
            if !ok { throw CocoaError(.fileWriteUnknown) }
        }
        try write("good.txt", Array(ReadStateEndToEndTests.article("Harbour ferries plug in to shore power", date: "2026-11-20").utf8))
        try write("x.md/inside.txt", Array(ReadStateEndToEndTests.article("Orchard growers pick at night", date: "2026-11-10").utf8))
        try write("hostile.txt", Array((Self.hostileTitle + "\n\n").utf8) + Self.hostileBody)
        try write("every-attack.txt", HostileInputs.textPage)
        try write("every-attack.md", HostileInputs.markdownPage)
        try write("every-attack.html", HostileInputs.htmlPage)
        try write("name\u{202E}txt.md", Array("# Bidi in the file name\n\nThe name of this file has a right-to-left override, which must not reorder the screen.\n".utf8))
        try write("esc\u{1B}]0;NAME-TITLE\u{07}.txt", Array(ReadStateEndToEndTests.article("A file name with an escape", date: "2026-09-01").utf8))
        try write("-rf.txt", Array(ReadStateEndToEndTests.article("A file name like an option", date: "2026-08-01").utf8))
        _ = PathBytes.create(library.path, "caf", [0xE9], ".txt", Array(ReadStateEndToEndTests.article("A name that is not UTF-8", date: "2026-07-01").utf8))
        try write("line\nbreak.txt", Array(ReadStateEndToEndTests.article("A name with a newline", date: "2026-06-01").utf8))
        try write("empty.md", [])
        try write("photo.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + [UInt8](repeating: 0, count: 64))
        try fm.createSymbolicLink(atPath: library.path + "/zero.txt", withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: library.path + "/loop.md", withDestinationPath: "loop.md")
        try fm.createSymbolicLink(atPath: library.path + "/dangling.md", withDestinationPath: "gone.md")
        try fm.createSymbolicLink(atPath: library.path + "/passwd.txt", withDestinationPath: "/etc/passwd")
        #expect(mkfifo(library.path + "/fifo.txt", 0o644) == 0)
    }

    @Test func theFolderOpensAndTheTerminalIsUntouched() throws {
        let session = TmuxSession()
        session.start([TmuxSession.folioBinary, library.path, "--state", state])
        let screen = try #require(session.waitFor { $0.contains("11 articles") }, "folio did not start: \(session.screen)")
        #expect(screen.contains("7 unreadable"))
        #expect(screen.contains("Harbour ferries plug in"))
        // Read through every article, including the hostile one.
        session.send("g")
        for _ in 0..<11 { session.send("Enter", "Space", "Space", "h", "j") }
        let after = try #require(session.waitFor { $0.contains("articles, 0 unread") }, "not all opened: \(session.screen)")
        for bad in ["PWNED", "NAME-TITLE", "Q0xJUEJP", "evil.example"] { #expect(!after.contains(bad)) }
        #expect(session.paneTitle.contains("PWNED") == false && session.paneTitle.contains("NAME-TITLE") == false, "the terminal title was changed: \(session.paneTitle)")
        #expect(session.buffers.isEmpty, "the clipboard (tmux buffer) was written: \(session.buffers)")
        session.send("q")
        #expect(session.waitUntilExited())
    }

    @Test func listNamesEveryProblemSafely() throws {
        let result = Shell.runCapturingBoth([TmuxSession.folioBinary, "list", library.path, "--state", state])
        #expect(result.stdout.split(separator: "\n").count == 11)
        let problems = result.stderr.split(separator: "\n")
        #expect(problems.count == 7)
        for text in [result.stdout, result.stderr] {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 || (0x202A...0x202E).contains($0.value) })
        }
    }

    @Test(.enabled(if: getuid() == 0 && Shell.which("setpriv") != nil, "needs root and setpriv to run folio as another user"))
    func aFileTheUserCannotReadAndAStateFileTheyCannotWrite() throws {
        // As the user nobody: one article is root's alone, and the state database is root's.
        let secret = library.appendingPathComponent("secret.txt").path
        try ReadStateEndToEndTests.article("Nobody may read this", date: "2026-05-01").write(toFile: secret, atomically: true, encoding: .utf8)
        chmod(secret, 0o600)
        _ = Shell.run([TmuxSession.folioBinary, "mark", "read", library.appendingPathComponent("good.txt").path, "--state", state])
        for path in [root.path, library.path] { chmod(path, 0o755) }
        chmod(state, 0o644)
        let asNobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", TmuxSession.folioBinary]
        let result = Shell.runCapturingBoth(asNobody + ["list", library.path, "--json", "--state", state])
        #expect(result.stderr.contains("secret.txt: permission denied"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("not writable"), "stderr: \(result.stderr)")
        let rows = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 11)
        #expect(rows.first { ($0["title"] as? String)?.hasPrefix("Harbour ferries") == true }?["read"] as? Bool == true, "state not read read-only")

        let session = TmuxSession()
        session.start(asNobody + [library.path, "--state", state])
        #expect(session.waitFor { $0.contains("read-only") && $0.contains("11 articles") } != nil, "no read-only note: \(session.screen)")
        session.send("j", "Enter")
        #expect(session.waitFor { $0.contains("not saved") } != nil)
        session.send("Q")
        #expect(session.waitUntilExited())
        let store = try #require(Shell.run([TmuxSession.folioBinary, "list", library.path, "--unread", "--state", state]))
        #expect(store.split(separator: "\n").count == 11, "the read-only run wrote state")
    }
}

/// Creating files whose names are arbitrary bytes.
enum PathBytes {
    /// Writes `content` to folder/prefix+middle+suffix, with `middle` as raw bytes.
    @discardableResult
    static func create(_ folder: String, _ prefix: String, _ middle: [UInt8] = [], _ suffix: String = "", _ content: [UInt8]) -> Bool {
        let name = Array((folder + "/" + prefix).utf8) + middle + Array(suffix.utf8) + [0]
        let fd = name.withUnsafeBufferPointer { $0.baseAddress!.withMemoryRebound(to: CChar.self, capacity: name.count) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) } }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return content.isEmpty || write(fd, content, content.count) == content.count
    }

    static func create(_ folder: String, _ name: String, _ content: [UInt8]) -> Bool {
        create(folder, name, [], "", content)
    }
}
