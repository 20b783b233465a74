import Foundation

/// Which `Host` headers the preview server answers. A page on another site whose name is made
/// to resolve to 127.0.0.1 (DNS rebinding) would otherwise read the preview, drafts included:
/// its requests carry that other name, and are refused.
struct HostCheck: Sendable {
    private let names: Set<String>
    /// Bound beyond loopback: a phone on the network opens the preview by the machine's address.
    private let acceptsAddresses: Bool

    /// `bound` is the name or address given to `--host`; `allowed` are the `--allow-host` names.
    init(bound: String, allowed: [String] = []) {
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        names.insert(Self.normalized(bound.contains(":") && !bound.hasPrefix("[") ? "[\(bound)]" : bound))
        for name in allowed { names.insert(Self.normalized(name)) }
        self.names = names
        acceptsAddresses = !Self.isLoopback(bound)
    }

    /// Whether a request with this `Host` header (nil when it had none) is answered.
    func allows(_ header: String?) -> Bool {
        guard let header, let name = Self.name(ofHost: header) else { return false }
        if names.contains(name) { return true }
        return acceptsAddresses && Self.isAddress(name)
    }

    static func isLoopback(_ host: String) -> Bool {
        let name = normalized(host.hasPrefix("[") ? host : host.contains(":") ? "[\(host)]" : host)
        if name == "localhost" || name == "[::1]" { return true }
        var address = in_addr()
        return inet_pton(AF_INET, name, &address) == 1 && UInt32(bigEndian: address.s_addr) >> 24 == 127
    }
}

private extension HostCheck {
    static func normalized(_ name: String) -> String {
        var name = name.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }

    /// `example.com:4000` → `example.com`; `[::1]:4000` → `[::1]`; nil for a malformed value.
    static func name(ofHost header: String) -> String? {
        var host = header.trimmingCharacters(in: .whitespaces)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isASCII) && rest.dropFirst().allSatisfy(\.isNumber)) else { return nil }
            host = String(host[...close])
        } else if let colon = host.lastIndex(of: ":") {
            guard host[host.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            host = String(host[..<colon])
        }
        return host.isEmpty ? nil : normalized(host)
    }

    static func isAddress(_ name: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, name, &v4) == 1 { return true }
        return name.hasPrefix("[") && name.hasSuffix("]") && inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &v6) == 1
    }
}
