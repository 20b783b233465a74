public enum TebikiVersion {
    public static let current = "0.1.0"
}
