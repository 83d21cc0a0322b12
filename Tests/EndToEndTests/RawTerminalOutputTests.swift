import Foundation
import Testing

/// The bytes folio writes to a terminal, recorded under `script`, while it
/// shows an article full of escape sequences: none of them gets through.
@Suite(.enabled(if: Shell.which("script") != nil, "script (util-linux) is not installed; raw output test skipped"))
struct RawTerminalOutputTests {
    @Test func hostileArticlesNeverReachTheTerminalAsControls() throws {
        let hostile = try HostileFolderEndToEndTests()
        let command = "stty rows 24 cols 80; exec \(Shell.quote(TmuxSession.folioBinary)) \(Shell.quote(hostile.library.path)) --state \(Shell.quote(hostile.state))"
        let raw = Shell.runInPseudoTerminal(["script", "-q", "-e", "-c", command, "/dev/null"],
                                            environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"],
                                            keys: ["g", "\r", " ", " ", "h", "j", "\r", "h", "G", "\r", "Q"])
        #expect(raw.count > 1000, "too little output: \(raw.count) bytes")
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.contains("Harbour ferries"), "the good article is not on screen")

        // What the attacks carried never arrives.
        for payload in ["PWNED", "NAME-TITLE", "Q0xJUEJP", "evil.example/unterminated", "$q m"] {
            #expect(!text.contains(payload), "\(payload) reached the terminal")
        }
        // No string controls at all (ncurses itself sends none of these for this terminal).
        for (i, byte) in raw.enumerated() where byte == 0x1B && i + 1 < raw.count {
            #expect(![UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X")].contains(raw[i + 1]),
                    "an OSC/DCS/APC/PM/SOS sequence at byte \(i)")
        }
        // No C1 controls, raw or UTF-8 encoded, no BEL, no backspace, no bidi overrides.
        #expect(!raw.contains(0x07) && !raw.contains(0x08))
        #expect(!zip(raw, raw.dropFirst()).contains { $0 == 0xC2 && (0x80...0x9F).contains($1) })
        #expect(!raw.contains(0x9B) || String(validating: raw, as: UTF8.self) != nil)
        #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
        // The alternate screen is entered once, by ncurses, not again by the article.
        #expect(text.components(separatedBy: "\u{1B}[?1049h").count - 1 <= 1)
        #expect(!text.contains("\u{1B}[21t"))
    }
}
