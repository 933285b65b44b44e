import type { Language } from './organisation';

/** Given names and family names as customers of each language would carry them. */
// prettier-ignore
export const PERSON_NAMES: Record<Language, { first: readonly string[]; last: readonly string[] }> = {
  en: {
    first: [
      'James', 'Olivia', 'Michael', 'Emma', 'Robert', 'Sophia', 'William', 'Ava', 'Daniel', 'Grace',
      'Matthew', 'Chloe', 'Andrew', 'Hannah', 'Joshua', 'Megan', 'Ryan', 'Lauren', 'Kevin', 'Rachel',
      'Brian', 'Natalie', 'Jason', 'Emily', 'Patrick', 'Amy', 'Steven', 'Laura', 'Eric', 'Karen',
      'Thomas', 'Jessica', 'Nathan', 'Samantha', 'Tyler', 'Nicole', 'Aaron', 'Victoria', 'Sean', 'Zoe',
      'Owen', 'Abigail', 'Caleb', 'Madison', 'Adrian', 'Priya', 'Raj', 'Mei', 'Wei', 'Aisha',
    ],
    last: [
      'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
      'Thomas', 'Moore', 'Jackson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young',
      'Allen', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell',
      'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins', 'Edwards', 'Stewart',
      'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed', 'Bailey', 'Kelly',
      'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett', 'Gray', 'Hughes',
      'Chen', 'Nguyen', 'Patel', 'Kim', 'Shah', 'Singh', 'Okafor', 'Murray', 'Fraser', 'Sullivan',
    ],
  },
  es: {
    first: [
      'Alejandro', 'Lucía', 'Javier', 'María', 'Carlos', 'Laura', 'Pablo', 'Marta', 'Sergio', 'Paula',
      'Daniel', 'Elena', 'Adrián', 'Sara', 'Álvaro', 'Carmen', 'Raúl', 'Cristina', 'Manuel', 'Ana',
      'Jorge', 'Isabel', 'Fernando', 'Nuria', 'Miguel', 'Beatriz', 'Rubén', 'Irene', 'Iván', 'Silvia',
      'Andrés', 'Patricia', 'Óscar', 'Rocío', 'Víctor', 'Alba', 'Gonzalo', 'Claudia', 'Íñigo', 'Noelia',
    ],
    last: [
      'García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín',
      'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Gutiérrez',
      'Navarro', 'Torres', 'Domínguez', 'Vázquez', 'Ramos', 'Gil', 'Ramírez', 'Serrano', 'Blanco', 'Molina',
      'Morales', 'Suárez', 'Ortega', 'Delgado', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Sanz', 'Iglesias',
    ],
  },
  de: {
    first: [
      'Lukas', 'Anna', 'Jonas', 'Lena', 'Felix', 'Laura', 'Maximilian', 'Julia', 'Leon', 'Sarah',
      'Tobias', 'Katharina', 'Florian', 'Lisa', 'Sebastian', 'Johanna', 'Moritz', 'Miriam', 'Stefan', 'Sabine',
      'Markus', 'Claudia', 'Jan', 'Nina', 'Tim', 'Franziska', 'Philipp', 'Carina', 'Matthias', 'Jana',
    ],
    last: [
      'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
      'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
      'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'Maier',
    ],
  },
  fr: {
    first: [
      'Lucas', 'Camille', 'Hugo', 'Léa', 'Louis', 'Manon', 'Arthur', 'Chloé', 'Jules', 'Inès',
      'Nathan', 'Sarah', 'Théo', 'Clara', 'Maxime', 'Juliette', 'Antoine', 'Pauline', 'Julien', 'Émilie',
      'Nicolas', 'Céline', 'Thomas', 'Aurélie', 'Mathieu', 'Élodie', 'Romain', 'Margaux', 'Guillaume', 'Sophie',
    ],
    last: [
      'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
      'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
      'Morel', 'Girard', 'André', 'Lefèvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
    ],
  },
};

/** Company name parts: a distinctive stem, an industry word, and the legal form usual in that market. */
// prettier-ignore
export const COMPANY_WORDS: Record<
  Language,
  { stems: readonly string[]; industries: readonly string[]; forms: readonly string[] }
> = {
  en: {
    stems: [
      'Northwind', 'Bluepeak', 'Ironwood', 'Silverline', 'Redstone', 'Brightwater', 'Crescent', 'Summit',
      'Harbor', 'Pinecrest', 'Keystone', 'Evergreen', 'Granite', 'Lakeside', 'Maple', 'Oakridge',
      'Riverbend', 'Sterling', 'Trailhead', 'Westfield', 'Copperleaf', 'Falcon', 'Beacon', 'Clearview',
      'Highland', 'Meridian', 'Pioneer', 'Atlas', 'Cobalt', 'Horizon', 'Juniper', 'Lighthouse',
    ],
    industries: [
      'Logistics', 'Analytics', 'Manufacturing', 'Health', 'Foods', 'Dental Care', 'Engineering',
      'Construction', 'Retail', 'Freight', 'Energy', 'Labs', 'Property Management', 'Hospitality',
      'Medical Supply', 'Consulting', 'Outfitters', 'Plumbing & Heating', 'Print Works', 'Software',
    ],
    forms: ['Inc.', 'LLC', 'Ltd', 'Co.', 'Group', ''],
  },
  es: {
    stems: [
      'Iberia', 'Solano', 'Mirador', 'Alborán', 'Castellana', 'Levante', 'Montserrat', 'Guadalquivir',
      'Sierra Norte', 'Costa Brava', 'Almenara', 'Triana', 'Montealto', 'Ribera', 'Valdemar', 'Cantábrico',
    ],
    industries: [
      'Construcciones', 'Distribuciones', 'Transportes', 'Asesores', 'Clínicas', 'Alimentación',
      'Ingeniería', 'Logística', 'Instalaciones', 'Servicios Integrales', 'Hostelería', 'Farmacia',
    ],
    forms: ['S.L.', 'S.A.', 'Grupo', ''],
  },
  de: {
    stems: [
      'Rheinland', 'Alpenblick', 'Nordstern', 'Elbtal', 'Schwarzwald', 'Hanse', 'Bergmann', 'Lindenhof',
      'Weserland', 'Isartal', 'Brandt', 'Keller', 'Falkenstein', 'Sonnenfeld',
    ],
    industries: [
      'Maschinenbau', 'Logistik', 'Elektrotechnik', 'Haustechnik', 'Medizintechnik', 'Bau',
      'Spedition', 'Feinkost', 'Steuerberatung', 'Automation',
    ],
    forms: ['GmbH', 'AG', 'GmbH & Co. KG'],
  },
  fr: {
    stems: [
      'Lumière', 'Val de Loire', 'Rivage', 'Mont Blanc', 'Bastille', 'Provence', 'Azur', 'Cévennes',
      'Garonne', 'Belvédère', 'Saint-Clair', 'Marceau',
    ],
    industries: [
      'Conseil', 'Transports', 'Bâtiment', 'Distribution', 'Santé', 'Ingénierie', 'Immobilier', 'Services',
    ],
    forms: ['SA', 'SAS', 'SARL'],
  },
};
