package pgxtest

import (
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5/pgproto3"
)

// server speaks enough of PostgreSQL's wire protocol (startup and simple
// queries) for pgx to run the blog's queries against it: posts 1..n,
// post i by author i. There is no PostgreSQL on the test machines; the
// client side is the real pgx.
type server struct {
	addr  string
	posts atomic.Int64
}

func startServer(t *testing.T) *server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	s := &server{addr: ln.Addr().String()}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s
}

// url is the connection string of the server, in the simple protocol.
func (s *server) url() string {
	return "postgres://blog@" + s.addr + "/blog?sslmode=disable&default_query_exec_mode=simple_protocol"
}

func (s *server) serve(c net.Conn) {
	defer c.Close()
	be := pgproto3.NewBackend(c, c)
	if _, err := be.ReceiveStartupMessage(); err != nil {
		return
	}
	be.Send(&pgproto3.AuthenticationOk{})
	for _, p := range [][2]string{{"server_version", "16.0"}, {"client_encoding", "UTF8"}, {"standard_conforming_strings", "on"}} {
		be.Send(&pgproto3.ParameterStatus{Name: p[0], Value: p[1]})
	}
	be.Send(&pgproto3.BackendKeyData{ProcessID: 1, SecretKey: []byte{0, 0, 0, 1}})
	be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
	if be.Flush() != nil {
		return
	}
	for {
		msg, err := be.Receive()
		if err != nil {
			return
		}
		switch m := msg.(type) {
		case *pgproto3.Query:
			for _, q := range strings.Split(m.String, "\n;") {
				s.answer(be, q)
			}
			be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
			if be.Flush() != nil {
				return
			}
		case *pgproto3.Terminate:
			return
		}
	}
}

var numbers = regexp.MustCompile(`\d+`)

// answer sends the rows of one blog query.
func (s *server) answer(be *pgproto3.Backend, q string) {
	var cols []string
	var rows [][]string
	switch {
	case strings.Contains(q, "FROM posts"):
		cols = []string{"id", "title", "author_id"}
		for i := 1; i <= int(s.posts.Load()); i++ {
			rows = append(rows, []string{strconv.Itoa(i), fmt.Sprintf("post %d", i), strconv.Itoa(i)})
		}
	case strings.Contains(q, "FROM authors WHERE id"):
		cols = []string{"id", "name"}
		for _, id := range numbers.FindAllString(q[strings.Index(q, "WHERE"):], -1) {
			rows = append(rows, []string{id, "author " + id})
		}
	default:
		be.Send(&pgproto3.ErrorResponse{Severity: "ERROR", Code: "42601", Message: "unknown query: " + q})
		return
	}
	fields := make([]pgproto3.FieldDescription, len(cols))
	for i, c := range cols {
		oid := uint32(25) // text
		if strings.HasSuffix(c, "id") {
			oid = 23 // int4
		}
		fields[i] = pgproto3.FieldDescription{Name: []byte(c), DataTypeOID: oid, DataTypeSize: -1, TypeModifier: -1}
	}
	be.Send(&pgproto3.RowDescription{Fields: fields})
	for _, r := range rows {
		vals := make([][]byte, len(r))
		for i, v := range r {
			vals[i] = []byte(v)
		}
		be.Send(&pgproto3.DataRow{Values: vals})
	}
	be.Send(&pgproto3.CommandComplete{CommandTag: []byte(fmt.Sprintf("SELECT %d", len(rows)))})
}
