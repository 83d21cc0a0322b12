import Foundation
import Testing

/// The bytes folio writes to a terminal, recorded under `script`, while it
/// shows articles full of escape sequences and controls (24 kinds, in a text
/// dump, a Markdown clip and an HTML page): none of them gets through.
@Suite(.enabled(if: Shell.which("script") != nil, "script (util-linux) is not installed; raw output test skipped"))
struct RawTerminalOutputTests {
    let library: URL
    let state: String

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folio-raw-\(UUID().uuidString)")
        library = root.appendingPathComponent("library")
        state = root.appendingPathComponent("state.sqlite").path
        try FileManager.default.createDirectory(at: library, withIntermediateDirectories: true)
        try Data(ReadStateEndToEndTests.article("Harbour ferries plug in to shore power", date: "2026-11-20").utf8).write(to: library.appendingPathComponent("good.txt"))
        try Data(HostileInputs.textPage).write(to: library.appendingPathComponent("every-attack.txt"))
        try Data(HostileInputs.markdownPage).write(to: library.appendingPathComponent("every-attack.md"))
        try Data(HostileInputs.htmlPage).write(to: library.appendingPathComponent("every-attack.html"))
        #expect(PathBytes.create(library.path, "name\u{1B}]0;NAMETITLE\u{07}\u{202E}.txt", Array(ReadStateEndToEndTests.article("Odd name", date: "2026-01-01").utf8)))
    }

    /// Opens every article and pages through it; returns all bytes written to the terminal.
    func recordSession() -> [UInt8] {
        let command = "stty rows 24 cols 80; exec \(Shell.quote(TmuxSession.folioBinary)) \(Shell.quote(library.path)) --state \(Shell.quote(state))"
        let keys = ["g"] + Array(repeating: ["\r", " ", " ", " ", "h", "j"], count: 5).flatMap { $0 } + ["Q"]
        return Shell.runInPseudoTerminal(["script", "-q", "-e", "-c", command, "/dev/null"],
                                         environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"], keys: keys)
    }

    @Test func hostileArticlesNeverReachTheTerminalAsControls() throws {
        #expect(HostileInputs.all.count >= 20)
        let raw = recordSession()
        #expect(raw.count > 1000, "too little output: \(raw.count) bytes")
        let text = String(decoding: raw, as: UTF8.self)
        // Every article was opened (and so drawn): all are read now.
        let list = try #require(Shell.run([TmuxSession.folioBinary, "list", library.path, "--unread", "--state", state]))
        #expect(list.isEmpty, "not every article was opened: \(list)")

        // No string controls at all (ncurses itself sends none of these for this terminal).
        for (i, byte) in raw.enumerated() where byte == 0x1B && i + 1 < raw.count {
            #expect(![UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"), UInt8(ascii: "c")].contains(raw[i + 1]),
                    "an OSC/DCS/APC/PM/SOS/RIS sequence at byte \(i)")
        }
        // No C1 controls (UTF-8 encoded), no BEL, no bidi controls; the output is valid UTF-8.
        #expect(String(validating: raw, as: UTF8.self) != nil)
        #expect(!raw.contains(0x07))
        #expect(!zip(raw, raw.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) })
        #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) || (0xE0000...0xE007F).contains($0.value) })
        // The alternate screen is entered once, by ncurses; the article's requests never arrive.
        #expect(text.components(separatedBy: "\u{1B}[?1049h").count - 1 <= 1)
        for request in ["\u{1B}[21t", "\u{1B}[?47h", "\u{1B}[3J", "\u{1B}[987;654H", "\u{1B}[986;653H", "\u{1B}[985;652H"] {
            #expect(!text.contains(request), "\(request.debugDescription) reached the terminal")
        }
        // In every format the sequences are removed whole: their payloads never show.
        // (ncurses itself moves the cursor with CR and BS; a raw 0x9B in a file that is not
        // UTF-8 is read as Windows-1252 "›", a printable character.)
        for input in HostileInputs.all where !["carriage return overwrite", "backspace overstrike", "raw 0x9B CSI"].contains(input.name) {
            for payload in input.forbidden {
                #expect(!text.contains(payload), "\(input.name): \(payload.debugDescription) reached the terminal")
            }
        }
        for payload in ["NAMETITLE"] + HostileInputs.forbiddenFromReferences { #expect(!text.contains(payload)) }
    }
}
