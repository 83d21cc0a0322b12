import CSHA256

/// Whole SHA-256 blocks through the CPU's SHA instructions (the x86 SHA
/// extensions, in the CSHA256 target), where the CPU has them.
extension SHA256 {
    /// Asked of the CPU once.
    static let hardwareAvailable = csha256_hardware_available() != 0

    /// The first `count` 64-byte blocks of `bytes` into `h`; only when `hardwareAvailable`.
    static func compressInHardware(_ bytes: UnsafeRawBufferPointer, blocks count: Int, into h: inout State,
                                   k: UnsafeBufferPointer<UInt32>) {
        guard count > 0, let start = bytes.baseAddress else { return }
        withUnsafeMutableBytes(of: &h) { state in
            csha256_compress_blocks(state.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                    start.assumingMemoryBound(to: UInt8.self), count, k.baseAddress!)
        }
    }
}
