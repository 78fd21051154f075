// Brings the matcher's types in for tsc (jest.config.js registers it at run time).
import 'gradcheck/jest';
