package cleanapp

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type Store struct{ db *gorm.DB }

// OrdersWithLines eager-loads everything a page shows, then only reads.
func (s *Store) OrdersWithLines(ctx context.Context, customerID uint) ([]OrderView, error) { // want OrdersWithLines:"runs \\(\\*gorm.DB\\).Find \\[params 0,2\\]"
	var orders []Order
	err := s.db.WithContext(ctx).
		Preload("Lines.Product").
		Joins("Customer").
		Where("orders.customer_id = ?", customerID).
		Order("orders.created_at desc").
		Find(&orders).Error
	if err != nil {
		return nil, fmt.Errorf("orders of %d: %w", customerID, err)
	}
	views := make([]OrderView, 0, len(orders))
	for _, o := range orders {
		v := OrderView{ID: o.ID, Email: o.Customer.Email}
		for _, l := range o.Lines {
			v.Items = append(v.Items, fmt.Sprintf("%s x%d", l.Product.SKU, l.Qty))
			v.Total += l.Price * int64(l.Qty)
		}
		views = append(views, v)
	}
	return views, nil
}

type OrderView struct {
	ID    uint
	Email string
	Items []string
	Total int64
}

// ProductsByID collects keys in the loop and queries once after it.
func (s *Store) ProductsByID(ctx context.Context, lines []Line) (map[uint]Product, error) { // want ProductsByID:"runs \\(\\*gorm.DB\\).Find \\[params 0,2\\]"
	ids := make([]uint, 0, len(lines))
	seen := map[uint]bool{}
	for _, l := range lines {
		if !seen[l.ProductID] {
			seen[l.ProductID] = true
			ids = append(ids, l.ProductID)
		}
	}
	var products []Product
	if err := s.db.WithContext(ctx).Where("id IN ?", ids).Find(&products).Error; err != nil {
		return nil, err
	}
	out := make(map[uint]Product, len(products))
	for _, p := range products {
		out[p.ID] = p
	}
	return out, nil
}

// PlaceOrder validates in a loop, then writes the order and its lines
// in one statement each, inside one transaction.
func (s *Store) PlaceOrder(ctx context.Context, o *Order) error { // want PlaceOrder:"runs \\(\\*gorm.DB\\).Create via \\(\\*gorm.DB\\).Transaction \\[params 0,2\\]"
	for _, l := range o.Lines {
		if l.Qty <= 0 {
			return errors.New("quantity must be positive")
		}
		o.Total += l.Price * int64(l.Qty)
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("Lines").Create(o).Error; err != nil {
			return err
		}
		for i := range o.Lines {
			o.Lines[i].OrderID = o.ID
		}
		return tx.CreateInBatches(o.Lines, 200).Error
	})
}

// MarkPaid updates every order of a batch with one statement.
func (s *Store) MarkPaid(ctx context.Context, orders []Order) error { // want MarkPaid:"runs \\(\\*gorm.DB\\).Updates \\[params 0,2\\]"
	ids := make([]uint, len(orders))
	for i, o := range orders {
		ids[i] = o.ID
	}
	now := time.Now()
	return s.db.WithContext(ctx).Model(&Order{}).Where("id IN ?", ids).
		Updates(map[string]any{"status": "paid", "paid_at": now}).Error
}

// Upsert writes the whole slice at once, with conflict handling.
func (s *Store) Upsert(ctx context.Context, products []Product) error { // want Upsert:"runs \\(\\*gorm.DB\\).Create \\[params 0,2\\]"
	for i := range products {
		products[i].SKU = normalize(products[i].SKU)
	}
	return s.db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "sku"}},
		DoUpdates: clause.AssignmentColumns([]string{"stock"}),
	}).Create(&products).Error
}

func normalize(sku string) string { return sku }

// Export pages through a table with a cursor that moves by id.
func (s *Store) Export(ctx context.Context, emit func(Order)) error { // want Export:"runs \\(\\*gorm.DB\\).Find \\[params 0\\]" Export:"calls params 1"
	var last uint
	for {
		var batch []Order
		err := s.db.WithContext(ctx).Where("id > ?", last).Order("id").Limit(500).Find(&batch).Error
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, o := range batch {
			emit(o)
		}
		last = batch[len(batch)-1].ID
	}
}

// Totals streams rows and aggregates in memory.
func (s *Store) Totals(ctx context.Context) (map[uint]int64, error) { // want Totals:"runs \\(\\*gorm.DB\\).Rows \\[params 0\\]"
	rows, err := s.db.WithContext(ctx).Model(&Order{}).Select("customer_id, total").Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[uint]int64{}
	for rows.Next() {
		var id uint
		var total int64
		if err := rows.Scan(&id, &total); err != nil {
			return nil, err
		}
		out[id] += total
	}
	return out, rows.Err()
}

// Reserve retries a conditional update a fixed number of times.
func (s *Store) Reserve(ctx context.Context, productID uint, qty int) error { // want Reserve:"runs \\(\\*gorm.DB\\).Update \\[params 0,2,3\\]"
	for attempt := 0; attempt < 3; attempt++ {
		res := s.db.WithContext(ctx).Model(&Product{}).
			Where("id = ? AND stock >= ?", productID, qty).
			Update("stock", gorm.Expr("stock - ?", qty))
		if res.Error == nil && res.RowsAffected == 1 {
			return nil
		}
		time.Sleep(time.Duration(attempt+1) * 10 * time.Millisecond)
	}
	return errors.New("out of stock")
}

// FirstPaid returns the first paid order of a list, querying at most once.
func (s *Store) FirstPaid(ctx context.Context, orders []Order) (*Order, error) { // want FirstPaid:"runs \\(\\*gorm.DB\\).First \\[params 0,2\\]"
	for _, o := range orders {
		if o.PaidAt == nil {
			continue
		}
		var full Order
		err := s.db.WithContext(ctx).Preload("Lines").First(&full, o.ID).Error
		return &full, err
	}
	return nil, nil
}
