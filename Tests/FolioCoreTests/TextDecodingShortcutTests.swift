import Foundation
import Testing
@testable import FolioCore

/// `looksBinary`, which passes eight bytes at a time, against a byte loop.
struct TextDecodingShortcutTests {
    static func referenceLooksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(8192)
        var controls = 0
        for b in sample {
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { controls += 1 }
        }
        return controls * 10 > sample.count
    }

    @Test func looksBinaryMatchesTheByteLoop() {
        var random = PlainTextRandom(seed: 71)
        var binary = 0
        for round in 0..<3000 {
            let length = [0, 1, 7, 8, 9, 15, 16, 100, 8191, 8192, 8193, 9000][round % 12]
            // Mostly text, with control bytes and zeros at rates that put files on either side of the line.
            let rate = Int.random(in: 0...40, using: &random)
            let bytes: [UInt8] = (0..<length).map { _ in
                let r = Int.random(in: 0..<1000, using: &random)
                if r < rate { return UInt8.random(in: 1...0x1F, using: &random) }
                if r == 999 && round % 3 == 0 { return 0 }
                return r % 7 == 0 ? UInt8.random(in: 0x80...0xFF, using: &random) : UInt8.random(in: 0x20...0x7F, using: &random)
            }
            let fast = TextDecoding.looksBinary(bytes)
            #expect(fast == Self.referenceLooksBinary(bytes), "round \(round)")
            if fast { binary += 1 }
        }
        #expect(binary > 200 && binary < 2800)
        #expect(TextDecoding.looksBinary(Array(repeating: 0x41, count: 9000) + [0]) == false)
        #expect(TextDecoding.looksBinary([0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0]))
    }
}
