package querycount

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"io"
)

// Open opens a database like sql.Open, its statements counted by c:
// driverName is any registered database/sql driver.
func (c *Counter) Open(driverName, dsn string) (*sql.DB, error) {
	db, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, err
	}
	d := db.Driver()
	if err := db.Close(); err != nil {
		return nil, err
	}
	conn, err := c.Driver(d).(driver.DriverContext).OpenConnector(dsn)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(conn), nil
}

// Driver returns d with its connections' statements counted by c.
func (c *Counter) Driver(d driver.Driver) driver.Driver {
	return countingDriver{d, c}
}

// Connector returns conn with its connections' statements counted by c,
// for sql.OpenDB.
func (c *Counter) Connector(conn driver.Connector) driver.Connector {
	return countingConnector{conn, c}
}

type countingDriver struct {
	driver.Driver
	c *Counter
}

func (d countingDriver) Open(name string) (driver.Conn, error) {
	cn, err := d.Driver.Open(name)
	if err != nil {
		return nil, err
	}
	return &conn{cn, d.c}, nil
}

// OpenConnector uses the driver's own connector when it has one.
func (d countingDriver) OpenConnector(name string) (driver.Connector, error) {
	if dc, ok := d.Driver.(driver.DriverContext); ok {
		conn, err := dc.OpenConnector(name)
		if err != nil {
			return nil, err
		}
		return countingConnector{conn, d.c}, nil
	}
	return dsnConnector{name, d}, nil
}

type countingConnector struct {
	driver.Connector
	c *Counter
}

func (k countingConnector) Connect(ctx context.Context) (driver.Conn, error) {
	cn, err := k.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &conn{cn, k.c}, nil
}

func (k countingConnector) Driver() driver.Driver {
	return countingDriver{k.Connector.Driver(), k.c}
}

// Close closes the connector when it has a Close (sql.DB.Close calls it).
func (k countingConnector) Close() error {
	if cl, ok := k.Connector.(io.Closer); ok {
		return cl.Close()
	}
	return nil
}

// dsnConnector is the connector of a driver without one, as sql.Open
// makes it.
type dsnConnector struct {
	dsn string
	d   countingDriver
}

func (k dsnConnector) Connect(context.Context) (driver.Conn, error) { return k.d.Open(k.dsn) }

func (k dsnConnector) Driver() driver.Driver { return k.d }
