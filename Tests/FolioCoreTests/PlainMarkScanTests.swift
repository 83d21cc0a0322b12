import Foundation
import Testing
@testable import FolioCore

/// `TextSignals.plainMarkScan` takes eight ASCII bytes at once; it gives what a scalar at
/// a time gives, wherever the line breaks and marks fall among the eight-byte words.
struct PlainMarkScanTests {
    static func reference(_ bytes: [UInt8]) -> (ascii: Bool, lineBreak: Bool)? {
        var ascii = true, lineBreak = false
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if scalar.isASCII {
                if scalar == "\n" || scalar == "\r" { lineBreak = true }
            } else if TextSignals.isPlainMark(scalar.value) {
                ascii = false
            } else {
                return nil
            }
        }
        return (ascii, lineBreak)
    }

    @Test func matchesAScalarAtATime() {
        var random = PlainTextRandom(seed: 2803)
        let pieces = ["a", "word ", "abcdefgh", "\n", "\r", "\r\n", "\t", " ", "\u{7F}", "\u{01}", "\u{201C}", "\u{2014}", "\u{A0}",
                      "\u{B7}", "\u{2026}", "\u{E9}", "\u{65E5}", "\u{1F600}", "|", "Source: "]
        for round in 0..<20000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...(round % 10 == 0 ? 80 : 16), using: &random) { text += pieces.randomElement(using: &random)! }
            if round % 7 == 0 { text = String(repeating: "x", count: Int.random(in: 0...40, using: &random)) + text }
            let bytes = Array(text.utf8)
            let fast = bytes.withUnsafeBufferPointer(TextSignals.plainMarkScan)
            let expected = Self.reference(bytes)
            #expect(fast?.ascii == expected?.ascii && fast?.lineBreak == expected?.lineBreak, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func hasByteFindsEachPosition() {
        for position in 0..<8 {
            for byte: UInt8 in [0x0A, 0x0D, 0x00, 0x7F] {
                var bytes = [UInt8](repeating: 0x41, count: 8)
                bytes[position] = byte
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(TextSignals.hasByte(word, byte))
                #expect(!TextSignals.hasByte(word, 0x0B))
            }
        }
        var random = PlainTextRandom(seed: 2805)
        for _ in 0..<20000 {
            let bytes: [UInt8] = (0..<8).map { _ in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x61, 0x7E].randomElement(using: &random)! }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(TextSignals.hasByte(word, 0x0A) == bytes.contains(0x0A), "\(bytes)")
            #expect(TextSignals.hasByte(word, 0x0D) == bytes.contains(0x0D), "\(bytes)")
        }
    }
}
