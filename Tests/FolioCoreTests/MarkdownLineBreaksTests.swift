import Testing
@testable import FolioCore

/// Lines found eight bytes at a time are the lines found scalar by scalar, on long text.
struct MarkdownLineBreaksTests {
    @Test func longTextMatchesScalarSplitting() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1500 {
            let text = MarkdownFastPathTests.randomText(&generator, count: 0...200)
            #expect(MarkdownBlocks.lines(text[...]) == MarkdownFastPathTests.referenceLines(text[...]), "\(Array(text.unicodeScalars))")
            let sub = ("xy" + text + "z").dropFirst(2).dropLast()
            #expect(MarkdownBlocks.lines(sub) == MarkdownFastPathTests.referenceLines(sub))
        }
    }

    @Test func everyByteAtEveryPlace() {
        for byte in UInt8.min...UInt8.max {
            for place in 0..<8 {
                var bytes = [UInt8](repeating: 0x41, count: 8)
                bytes[place] = byte
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(LineBreaks<String>.hasLineEnd(word) == (byte == 0x0A || byte == 0x0D), "\(byte) at \(place)")
            }
        }
        // Two marks in one word, and marks next to bytes that borrow (0x0B, 0x0E, 0x00, 0xFF).
        for pair: [UInt8] in [[0x0A, 0x0D], [0x0B, 0x0A], [0x0E, 0x0D], [0x00, 0x0A], [0xFF, 0x0D], [0x09, 0x0B]] {
            for place in 0..<7 {
                var bytes = [UInt8](repeating: 0x0C, count: 8)
                bytes[place] = pair[0]
                bytes[place + 1] = pair[1]
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(LineBreaks<String>.hasLineEnd(word) == bytes.contains { $0 == 0x0A || $0 == 0x0D })
            }
        }
    }
}
