//go:build !linux

package auditor

// readRegular leaves every file to the portable path (readLimited) off Linux.
func readRegular(path, name string) ([]byte, bool, error) { return nil, false, nil }
