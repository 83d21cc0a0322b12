import FuzzSupport
import TermKit

// libFuzzer target: TerminalText.sanitize. The first byte picks the options (bit 0: keep
// newlines; the rest: tab width -1...15); the remaining bytes are the text, as UTF-8.
FuzzDriver.run { data, size in
    let input = FuzzDriver.bytes(data, size)
    guard let flags = input.first else { return 0 }
    let keepNewlines = flags & 1 == 1
    let tabWidth = Int(flags >> 1) % 17 - 1
    let body = input.dropFirst()
    let text = String(decoding: body, as: UTF8.self)

    let clean = TerminalText.sanitize(text, keepNewlines: keepNewlines, tabWidth: tabWidth)
    FuzzDriver.checkSanitized(clean, keepNewlines: keepNewlines)
    // Sanitized text is clean: sanitizing again changes nothing, and the fast path agrees.
    FuzzDriver.check(TerminalText.isClean(clean, keepNewlines: keepNewlines), "isClean(sanitize(x)) is false")
    FuzzDriver.check(TerminalText.sanitize(clean, keepNewlines: keepNewlines, tabWidth: tabWidth) == clean,
                     "sanitize is not idempotent")
    // Clean input passes through unchanged.
    if TerminalText.isClean(text, keepNewlines: keepNewlines) {
        FuzzDriver.check(clean == text, "isClean(x) but sanitize(x) != x")
    }
    // The bytes entry point decodes then sanitizes (default tab width 8).
    let fromBytes = TerminalText.sanitize(bytes: body, keepNewlines: keepNewlines)
    FuzzDriver.checkSanitized(fromBytes, keepNewlines: keepNewlines)
    FuzzDriver.check(fromBytes == TerminalText.sanitize(text, keepNewlines: keepNewlines),
                     "sanitize(bytes:) differs from sanitize(String(decoding:))")
    return 0
}
