package domain

// Fault is an error with a code. WrappedFault takes its Error from the
// error it embeds: a method that belongs to no package.
type Fault interface {
	Error() string
	Code() int
}

// WrappedFault is a Fault around any error.
type WrappedFault struct{ error }

// Code is the fault's code.
func (WrappedFault) Code() int { return 500 }
