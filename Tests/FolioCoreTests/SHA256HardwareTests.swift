import Foundation
import Testing
@testable import FolioCore

/// The blocks through the CPU's SHA instructions give the same digests as the
/// Swift rounds: the published vectors through both, random messages of every
/// length around the block and padding boundaries, large ones, and messages
/// that start at every offset within a word. On a CPU without the instructions
/// only the Swift rounds are checked.
struct SHA256HardwareTests {
    /// The paths to check: the Swift rounds always, the instructions where the CPU has them.
    static let paths = SHA256.hardwareAvailable ? [false, true] : [false]

    @Test(arguments: paths) func publishedVectors(hardware: Bool) {
        let vectors: [(String, String)] = [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
             "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
            ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
             "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ]
        for (message, digest) in vectors {
            #expect(SHA256.hex(of: Array(message.utf8), hardware: hardware) == digest, "\(message)")
        }
        #expect(SHA256.hex(of: [UInt8](repeating: 0x61, count: 1_000_000), hardware: hardware)
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(.enabled(if: SHA256.hardwareAvailable, "this CPU has no SHA instructions"))
    func instructionsMatchSwiftRounds() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...300) + [511, 512, 513, 4096, 65_535, 1 << 20] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(SHA256.digest(of: bytes, hardware: true) == SHA256.digest(of: bytes, hardware: false), "length \(length)")
        }
    }

    /// The instructions read the message with unaligned loads: every start offset 0..<16 gives the same digest.
    @Test(.enabled(if: SHA256.hardwareAvailable, "this CPU has no SHA instructions"))
    func unalignedStarts() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes.withUnsafeBytes { all in
            for start in 0..<16 {
                for length in [0, 63, 64, 65, 200, 1000 - start] {
                    let part = UnsafeRawBufferPointer(rebasing: all[start..<(start + length)])
                    let reference = SHA256.digest(of: Array(part), hardware: false)
                    #expect(SHA256.digest(of: part, hardware: true) == reference, "start \(start), length \(length)")
                }
            }
        }
    }

    /// With the instructions forced off the Swift rounds still give the digests of a plain, separate implementation.
    @Test func swiftRoundsWhenForcedOff() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(SHA256.digest(of: bytes, hardware: false) == IdentityFastPathTests.referenceDigest(bytes), "length \(length)")
        }
    }

    /// The default is the instructions where the CPU has them, and identities do not change.
    @Test func identitiesUnchanged() {
        let bytes = Array("The same bytes, the same identity.\n".utf8)
        #expect(SHA256.hex(of: bytes) == SHA256.hex(of: bytes, hardware: false))
        #expect(ArticleIdentity.forContent(Array("abc".utf8)).rawValue
                == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
