/// SHA-256 (FIPS 180-4), for content identities. Small and dependency-free.
/// Whole 64-byte blocks are read straight from the input; only the last one or
/// two, with the padding and the length, are copied. Blocks go through the
/// CPU's SHA instructions where it has them (SHA256Hardware.swift), else
/// through the rounds below; `hardware: false` asks for the rounds (and `true`
/// must not be asked for without `hardwareAvailable`).
enum SHA256 {
    /// h0 ... h7.
    typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// The 64 round constants of FIPS 180-4.
    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func hex(of bytes: some Collection<UInt8>, hardware: Bool = hardwareAvailable) -> String {
        let digest = digest(of: bytes, hardware: hardware)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func digest(of input: some Collection<UInt8>, hardware: Bool = hardwareAvailable) -> [UInt8] {
        if let done = input.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0), hardware: hardware) }) { return done }
        return Array(input).withUnsafeBytes { digest($0, hardware: hardware) }
    }

    private static func digest(_ message: UnsafeRawBufferPointer, hardware: Bool) -> [UInt8] {
        var h: State = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                let whole = message.count / 64
                compress(message, blocks: whole, into: &h, k: k, w: w, hardware: hardware)
                // The rest, 0x80, zeros, and the length in bits: one block, or two when the rest is 56 bytes or more.
                let rest = message.count - whole * 64
                var last = [UInt8](repeating: 0, count: rest < 56 ? 64 : 128)
                for i in 0..<rest { last[i] = message[whole * 64 + i] }
                last[rest] = 0x80
                let bits = UInt64(message.count) &* 8
                for i in 0..<8 { last[last.count - 1 - i] = UInt8(truncatingIfNeeded: bits >> UInt64(8 * i)) }
                last.withUnsafeBytes { compress($0, blocks: $0.count / 64, into: &h, k: k, w: w, hardware: hardware) }
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for v in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7] {
            out.append(UInt8(truncatingIfNeeded: v >> 24)); out.append(UInt8(truncatingIfNeeded: v >> 16))
            out.append(UInt8(truncatingIfNeeded: v >> 8)); out.append(UInt8(truncatingIfNeeded: v))
        }
        return out
    }

    @inline(__always)
    private static func compress(_ bytes: UnsafeRawBufferPointer, blocks count: Int, into h: inout State,
                                 k: UnsafeBufferPointer<UInt32>, w: UnsafeMutableBufferPointer<UInt32>, hardware: Bool) {
        if hardware { return compressInHardware(bytes, blocks: count, into: &h, k: k) }
        for block in 0..<count { compress(bytes, at: block * 64, into: &h, k: k, w: w) }
    }

    @inline(__always)
    private static func compress(_ bytes: UnsafeRawBufferPointer, at offset: Int, into h: inout State,
                                 k: UnsafeBufferPointer<UInt32>, w: UnsafeMutableBufferPointer<UInt32>) {
        for i in 0..<16 { w[i] = UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: offset + i * 4, as: UInt32.self)) }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = h
        // Eight rounds at a time, each naming the working variables in their turn,
        // so that no round moves all eight of them along.
        for i in stride(from: 0, to: 64, by: 8) {
            round(a, b, c, &d, e, f, g, &hh, k[i] &+ w[i])
            round(hh, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
            round(g, hh, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
            round(f, g, hh, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
            round(e, f, g, &hh, a, b, c, &d, k[i + 4] &+ w[i + 4])
            round(d, e, f, &g, hh, a, b, &c, k[i + 5] &+ w[i + 5])
            round(c, d, e, &f, g, hh, a, &b, k[i + 6] &+ w[i + 6])
            round(b, c, d, &e, f, g, hh, &a, k[i + 7] &+ w[i + 7])
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
    }

    /// One round: `d` takes `d + t1` and `h` becomes the new `a`.
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
        let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
        d = d &+ t1
        h = t1 &+ t2
    }

    /// Masking shifts: the checked `>>` and `<<` test for shifts of 32 or more on every call.
    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
}
