-- What a stakeholder helped bring in, beside the donation: stock the collective received (rations
-- from the district administration, masks from an NGO), as its receipt in relief's stock.
alter table engagement add column stock_receipt_id uuid;
